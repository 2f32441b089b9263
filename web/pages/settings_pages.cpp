// The admin's settings page: every setting with its value in force, default, unit and any
// scheduled change, and a form to schedule a change (the same rules as POST /api/v1/settings).
#include "core/errors.h"
#include "core/store/admin/settings.h"
#include "web/pages/page_routes.h"

namespace ces::web {

namespace {

/// What was typed into the form, kept when it is shown again with errors.
struct SettingForm {
    std::string key;
    std::string value;
    std::string effectiveFrom;
    std::string reason;
};

mustache::data settingRows(const SettingsHistory& history, std::chrono::year_month_day today,
                           const std::string& chosenKey) {
    const Settings inForce = history.inForceOn(today);
    mustache::data rows(mustache::data::type::list);
    for (const auto& key : settingKeys()) {
        mustache::data row;
        row.set("key", std::string(key.name));
        row.set("description", std::string(key.description));
        row.set("unit", std::string(key.unit));
        const std::string value = formatSetting(inForce, key);
        const std::string byDefault = formatSetting(Settings{}, key);
        row.set("value", value.empty() ? std::string("none") : value);
        row.set("default", byDefault.empty() ? std::string("none") : byDefault);
        row.set("changed", value != byDefault);
        mustache::data scheduled(mustache::data::type::list);
        for (const auto& change : history.scheduled(key.name, today)) {
            mustache::data item;
            item.set("value", change.value.empty() ? std::string("none") : change.value);
            item.set("from", formatDate(change.effectiveFrom));
            item.set("reason", change.reason);
            scheduled.push_back(item);
        }
        row.set("scheduled", scheduled);
        row.set("selected", chosenKey == key.name);
        rows.push_back(row);
    }
    return rows;
}

PageView settingsView(Site& site, const SettingForm& form, const std::string& done) {
    PageView view;
    view.title = "Settings";
    view.templateName = "settings";
    view.section = "settings";
    const auto history =
        site.app.db.read([](store::Connection& c) { return store::loadSettings(c); });
    const auto today = ukDateOf(site.app.now());
    view.data.set("settings", settingRows(history, today, form.key));
    view.data.set("today", formatDate(today));
    view.data.set("value", form.value);
    view.data.set("effective_from",
                  form.effectiveFrom.empty() ? formatDate(today) : form.effectiveFrom);
    view.data.set("reason", form.reason);
    if (!done.empty()) view.data.set("done", done);
    return view;
}

Response settingsPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    const std::string key = request.queryValue("done").substr(0, 100);
    const std::string done = findSettingKey(key) ? "The change of " + key + " is saved" : "";
    return site.render(request, actor, settingsView(site, SettingForm{}, done));
}

Response scheduleChange(Site& site, Request& request, const FormFields& fields) {
    const Actor actor = site.require(request, {Role::admin});
    const SettingForm form{fields.text("key"), fields.text("value"), fields.text("effective_from"),
                           fields.text("reason")};
    try {
        const auto from = parseDate(form.effectiveFrom);
        if (!from) throw ValidationError("effective_from", "Enter the date as YYYY-MM-DD");
        site.app.db.write([&](store::Connection& c) {
            store::addSettingChange(
                c, {form.key, form.value, *from, actor.id, site.app.now(), form.reason});
            return 0;
        });
        site.app.settingsCache.forget();
        return Site::redirect("/admin/settings?done=" + form.key);
    } catch (const ValidationError& e) {
        PageView view = settingsView(site, form, "");
        addError(view, e.field(), e.what(), "change-" + e.field());
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
}

}  // namespace

void addSettingsPages(Router& router, Site& site) {
    site.get(router, "/admin/settings", [&site](Request& r) { return settingsPage(site, r); });
    site.post(router, "/admin/settings",
              [&site](Request& r, const FormFields& f) { return scheduleChange(site, r, f); });
}

}  // namespace ces::web
