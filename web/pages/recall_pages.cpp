// Safety recalls: the campaigns and the form to raise one (/recalls), a campaign's progress by
// district and unit (/recalls/{id}) and its CSV for the regulator.
#include "core/credentials.h"
#include "core/errors.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/infrastructure/idempotency.h"
#include "warehouse/recall_replacements.h"
#include "warehouse/recalls.h"
#include "web/api/recall_csv.h"
#include "web/api/warehouse_routes.h"
#include "web/http/request_numbers.h"
#include "web/pages/form_fields.h"
#include "web/pages/page_routes.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

constexpr std::initializer_list<Role> kFollowers = {Role::admin, Role::warehouse, Role::planner,
                                                    Role::commissioner};

bool mayRaise(const Actor& actor) {
    return actor.role == Role::admin || actor.role == Role::warehouse;
}

// What was typed, kept to show again with the errors.
struct RecallForm {
    std::string reference;
    std::string title;
    std::string itemCodes;
    std::string madeFrom;
    std::string madeTo;
    std::string batch;
    std::string barcodes;
    std::string action;
    std::string deadline;
    std::string submission;
};

RecallForm formOf(const FormFields& f) {
    return {f.text("reference").substr(0, 200),   f.text("title").substr(0, 400),
            f.text("item_codes").substr(0, 4000), f.text("made_from").substr(0, 12),
            f.text("made_to").substr(0, 12),      f.text("batch").substr(0, 100),
            f.text("barcodes").substr(0, 100000), f.text("action").substr(0, 20),
            f.text("deadline").substr(0, 12),     f.text("submission").substr(0, 64)};
}

// Codes typed with commas, spaces or new lines between them.
std::vector<std::string> codesIn(const std::string& text) {
    std::vector<std::string> codes;
    std::string code;
    for (const char ch : text + ",") {
        if (ch == ',' || ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
            if (!code.empty()) codes.push_back(code);
            code.clear();
        } else {
            code.push_back(ch);
        }
    }
    return codes;
}

std::optional<std::chrono::year_month_day> dateIn(const std::string& text, const char* field) {
    if (text.empty()) return std::nullopt;
    const auto date = parseDate(text);
    if (!date) throw ValidationError(field, "Enter a date like 2026-03-02");
    return date;
}

store::NewRecall noticeOf(const RecallForm& form) {
    store::NewRecall notice;
    notice.reference = trimmed(form.reference);
    notice.title = trimmed(form.title);
    notice.filter.itemCodes = codesIn(form.itemCodes);
    notice.filter.madeFrom = dateIn(form.madeFrom, "made_from");
    notice.filter.madeTo = dateIn(form.madeTo, "made_to");
    if (!trimmed(form.batch).empty()) notice.filter.batch = trimmed(form.batch);
    notice.filter.barcodes = codesIn(form.barcodes);
    const auto action = parseRecallAction(form.action);
    if (!action) throw ValidationError("action", "Choose what the notice asks");
    notice.action = *action;
    const auto deadline = dateIn(form.deadline, "deadline");
    if (!deadline) throw ValidationError("deadline", "Enter the deadline");
    notice.deadline = *deadline;
    return notice;
}

std::string actionWords(RecallAction action) {
    switch (action) {
        case RecallAction::inspect:
            return "Inspect every unit where it is";
        case RecallAction::replace:
            return "Replace every unit in a home with an unaffected one";
        case RecallAction::withdraw:
            return "Withdraw every unit from service";
    }
    return "";
}

mustache::data summaryData(const store::RecallSummary& r) {
    mustache::data row;
    row.set("id", std::to_string(r.id.value()));
    row.set("reference", r.reference);
    row.set("recall_title", r.title);
    row.set("deadline", longDate(r.deadline));
    row.set("found", std::to_string(r.found));
    row.set("visited", std::to_string(r.visited));
    row.set("resolved", std::to_string(r.resolved));
    row.set("remaining", std::to_string(r.remaining));
    if (r.overdue > 0) row.set("overdue", std::to_string(r.overdue));
    return row;
}

PageView listView(Site& site, const Actor& actor, const RecallForm& form) {
    PageView view;
    view.title = "Safety recalls";
    view.templateName = "recalls";
    view.section = "recalls";
    const auto recalls = site.app.db.read(
        [&](store::Connection& c) { return store::listRecalls(c, ukDateOf(site.app.now())); });
    mustache::data rows(mustache::data::type::list);
    for (const auto& r : recalls) rows.push_back(summaryData(r));
    view.data.set("recalls", rows);
    view.data.set("has_recalls", !recalls.empty());
    view.data.set("may_raise", mayRaise(actor));
    view.data.set("reference", form.reference);
    view.data.set("recall_title", form.title);
    view.data.set("item_codes", form.itemCodes);
    view.data.set("made_from", form.madeFrom);
    view.data.set("made_to", form.madeTo);
    view.data.set("batch", form.batch);
    view.data.set("barcodes", form.barcodes);
    view.data.set("deadline", form.deadline);
    mustache::data actions(mustache::data::type::list);
    for (const auto action :
         {RecallAction::inspect, RecallAction::replace, RecallAction::withdraw}) {
        mustache::data option;
        option.set("value", std::string(toString(action)));
        option.set("text", actionWords(action));
        option.set("checked", form.action == toString(action));
        actions.push_back(option);
    }
    view.data.set("actions", actions);
    view.data.set("submission", randomHex(16));
    return view;
}

// The form field a refusal names: item_codes[2] is shown at item_codes.
std::string formField(const std::string& field) {
    const auto bracket = field.find('[');
    return bracket == std::string::npos ? field : field.substr(0, bracket);
}

// Raises the campaign once per submission key; answers its id.
std::int64_t raiseOnce(Site& site, const Actor& actor, const RecallForm& form,
                       const store::NewRecall& notice) {
    const std::string key = "page recall " + form.submission;
    return site.app.db.write([&](store::Connection& c) {
        if (!form.submission.empty()) {
            if (const auto prior = store::findIdempotentAnswer(c, actor.id, key)) {
                return static_cast<std::int64_t>(std::stoll(prior->body));
            }
        }
        const auto raised = warehouse::raiseRecall(c, notice, actor, site.app.now());
        if (!form.submission.empty()) {
            store::saveIdempotentAnswer(c, actor.id, key,
                                        {"POST /recalls", 303, std::to_string(raised.id.value())},
                                        site.app.now());
        }
        return raised.id.value();
    });
}

Response raise(Site& site, Request& request, const FormFields& fields) {
    const Actor actor = site.require(request, {Role::admin, Role::warehouse});
    const RecallForm form = formOf(fields);
    try {
        const std::int64_t id = raiseOnce(site, actor, form, noticeOf(form));
        return Site::redirect("/recalls/" + std::to_string(id) + "?raised=1");
    } catch (const ValidationError& e) {
        PageView view = listView(site, actor, form);
        addError(view, formField(e.field()), capitalised(e.what()));
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
}

std::string madeWords(const store::RecallUnitRow& u) {
    std::string words = u.madeOn ? longDate(*u.madeOn) : "date not recorded";
    if (u.batch) words += ", batch " + *u.batch;
    return words;
}

std::string placeWords(const std::string& place) {
    if (place == "home") return "In a home";
    if (place == "shelf") return "On the shelf, held";
    if (place == "recycling") return "Being cleaned, inspected or repaired";
    if (place == "van") return "On a van, for delivery";
    return "Lost";
}

std::string visitWords(const store::RecallUnitRow& u) {
    if (!u.visit) return "";
    const std::string due = u.visitDue ? ", due " + longDate(*u.visitDue) : "";
    if (u.visitStatus == "pending") return "Waiting to be planned" + due;
    if (u.visitStatus == "planned") return "Planned" + due;
    if (u.visitStatus == "completed") return "Visited";
    if (u.visitStatus == "failed") return "Failed, booked again";
    return "Cancelled";
}

std::string whichUnits(const store::RecallSummary& r) {
    std::string words = "Every unit";
    if (r.madeFrom) words += " made from " + longDate(*r.madeFrom);
    if (r.madeTo) words += " made to " + longDate(*r.madeTo);
    if (r.batch) words += " of batch " + *r.batch;
    if (r.barcodesNamed > 0)
        words += ", " + counted(r.barcodesNamed, "barcode", "barcodes") + " named";
    return words + " (units with no recorded date or batch included)";
}

RecallId recallIdOf(Request& request) {
    const std::string& text = request.pathParams["id"];
    return RecallId(parsePathId(text, "no recall has the id " + text.substr(0, 40)));
}

Response campaignPage(Site& site, Request& request) {
    const Actor actor = site.require(request, kFollowers);
    const RecallId id = recallIdOf(request);
    PageView view;
    view.templateName = "recall";
    view.section = "recalls";
    site.app.db.read([&](store::Connection& c) {
        const auto recall = store::requireRecall(c, id, ukDateOf(site.app.now()));
        view.title = recall.title;
        view.data = summaryData(recall);
        view.data.set("item_codes", recall.itemCodes);
        view.data.set("which_units", whichUnits(recall));
        view.data.set("action_words", actionWords(recall.action));
        view.data.set("raised_at", ukDateTime(recall.raisedAt));
        view.data.set("raised_by", recall.raisedBy);
        const auto percent = recall.found == 0 ? 100 : 100 * recall.resolved / recall.found;
        view.data.set("percent", std::to_string(percent));
        mustache::data districts(mustache::data::type::list);
        for (const auto& d : store::recallProgressByDistrict(c, id)) {
            mustache::data row;
            row.set("district", d.district.empty() ? "At a depot" : d.district);
            row.set("found", std::to_string(d.found));
            row.set("visited", std::to_string(d.visited));
            row.set("resolved", std::to_string(d.resolved));
            row.set("remaining", std::to_string(d.remaining));
            districts.push_back(row);
        }
        view.data.set("districts", districts);
        mustache::data units(mustache::data::type::list);
        for (const auto& u : store::recallUnits(c, id)) {
            mustache::data row;
            row.set("barcode", u.barcode);
            row.set("item_code", u.itemCode);
            row.set("made", madeWords(u));
            row.set("place", placeWords(u.place));
            row.set("depot", u.depotCode + " depot");
            row.set("district", u.district);
            row.set("visit", visitWords(u));
            row.set("resolution", u.resolution);
            row.set("resolved", !u.resolution.empty());
            if (!u.replacement.empty()) row.set("replacement", u.replacement);
            units.push_back(row);
        }
        view.data.set("units", units);
        if (recall.awaitingReplacement > 0) {
            view.data.set("awaiting_replacement",
                          counted(recall.awaitingReplacement, "home waits", "homes wait"));
            view.data.set("may_reserve", mayRaise(actor));
        }
        if (const auto reserved = request.queryValue("reserved"); !reserved.empty()) {
            view.data.set("reserved", reserved == "0" ? "No free unaffected unit yet"
                                                      : "Replacements reserved: " + reserved);
        }
        if (request.queryValue("raised") == "1") {
            view.data.set("raised", "Recall raised: " + counted(recall.found, "unit", "units") +
                                        " found, shelf stock held, visits booked");
        }
        return 0;
    });
    return site.render(request, actor, std::move(view));
}

// The warehouse reserves replacements for the homes still waiting (after goods in, say).
Response reserveReplacements(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin, Role::warehouse});
    const RecallId id = recallIdOf(request);
    const auto done = site.app.db.write([&](store::Connection& c) {
        store::requireRecall(c, id, ukDateOf(site.app.now()));
        const auto reserved = warehouse::reserveRecallReplacements(c, id, actor, site.app.now());
        store::audit(c, actor.id, "recall.replacements", "recall", std::to_string(id.value()),
                     site.app.now(), std::to_string(reserved.reserved) + " reserved");
        return reserved;
    });
    return Site::redirect("/recalls/" + std::to_string(id.value()) +
                          "?reserved=" + std::to_string(done.reserved));
}

Response unitsCsv(Site& site, Request& request) {
    site.require(request, kFollowers);
    const RecallId id = recallIdOf(request);
    return site.app.db.read([&](store::Connection& c) {
        const auto recall = store::requireRecall(c, id, ukDateOf(site.app.now()));
        return recallUnitsCsv(recall.reference, store::recallUnits(c, id));
    });
}

}  // namespace

void addRecallPages(Router& router, Site& site) {
    site.get(router, "/recalls", [&site](Request& r) {
        const Actor actor = site.require(r, kFollowers);
        return site.render(r, actor, listView(site, actor, {}));
    });
    site.post(router, "/recalls",
              [&site](Request& r, const FormFields& f) { return raise(site, r, f); });
    site.get(router, "/recalls/{id}", [&site](Request& r) { return campaignPage(site, r); });
    site.post(router, "/recalls/{id}/replacements",
              [&site](Request& r, const FormFields&) { return reserveReplacements(site, r); });
    site.get(router, "/recalls/{id}/units.csv", [&site](Request& r) { return unitsCsv(site, r); });
}

}  // namespace ces::web
