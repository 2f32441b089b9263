// The admin's organisation pages: funders and prescribing teams (/admin/organisation), depots
// with the districts they serve and their vans (/admin/depots). Each form calls the store
// operation the API calls (audited in its transaction); a broken rule (422) or a taken code
// (409) is shown on the form, naming the field.
#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include "core/errors.h"
#include "core/store/admin/organisation.h"
#include "web/pages/page_routes.h"
#include "web/pages/warehouse_pages.h"

namespace ces::web {

namespace {

const char* const kOrganisationPage = "/admin/organisation";
const char* const kDepotsPage = "/admin/depots";

/// What went wrong with a form: the store's field and message, and the status to answer.
struct Problem {
    std::string field;
    std::string message;
    int status = 422;
};

// The store names a list element ("districts[2]") or the API's unit ("approval_limit_pence");
// the form has one field for each.
std::string formField(std::string field) {
    if (const auto at = field.find('['); at != std::string::npos) field.erase(at);
    if (field == "approval_limit_pence") field = "approval_limit";
    return field;
}

// Shows the problem next to the field of the form `form` (its inputs' ids start "form-").
void showProblem(PageView& view, const std::string& form, const Problem& problem) {
    const std::string field = formField(problem.field);
    addError(view, form + "_" + field, problem.message, form + "-" + field);
    view.status = problem.status;
}

// One form's save: `save` (which reads the form and calls one store operation) runs in one write
// transaction, then the browser goes to `savedAt`. A broken rule (422) or a taken code (409, on
// the field `takenField()` names) shows the page `redisplay()` builds with the problem.
template <typename Save, typename TakenField, typename Redisplay>
Response saveOrShow(Site& site, Request& request, const Actor& actor, const std::string& form,
                    Save save, const std::string& savedAt, TakenField takenField,
                    Redisplay redisplay) {
    Problem problem;
    try {
        const store::OrganisationChange change{actor.id, site.app.now()};
        site.app.db.write([&](store::Connection& c) {
            save(c, change);
            return 0;
        });
        return Site::redirect(savedAt);
    } catch (const ValidationError& e) {
        problem = {e.field(), e.what(), 422};
    } catch (const Conflict& e) {
        problem = {takenField(), e.what(), 409};
    }
    PageView view = redisplay();
    showProblem(view, form, problem);
    return site.render(request, actor, std::move(view));
}

std::string codeTaken() { return "code"; }

// The confirmation banner after a save, only for a code that exists (the query is typed text).
void setSaved(PageView& view, const std::string& what, const std::string& code, bool exists) {
    if (!code.empty() && exists) view.data.set("done", what + " " + code + " is saved");
}

std::string backTo(const char* page, const std::string& what, const std::string& code) {
    return std::string(page) + "?" + what + "=" + urlEncode(code);
}

// The entry `code` as the store holds it (`find`); NotFound names `what` otherwise.
template <typename Find>
auto existing(Site& site, Find find, const std::string& code, const std::string& what) {
    auto entry = site.app.db.read([&](store::Connection& c) { return find(c, code); });
    if (!entry) throw NotFound("There is no " + what + " " + code);
    return *entry;
}

// An entry's own page (`pattern` ends in {code}): GET shows its form filled from the store
// (`find`), POST saves it through the store's `change` and goes back to `listPage`.
template <typename Form, typename Find, typename View, typename Change, typename Taken>
void addChangePage(Router& router, Site& site, const std::string& pattern, const std::string& what,
                   const char* listPage, Find find, View view, Change change, Taken taken) {
    site.get(router, pattern, [&site, what, find, view](Request& request) {
        const Actor actor = site.require(request, {Role::admin});
        const std::string code = request.pathParams.at("code");
        const Form form = Form::from(existing(site, find, code, what));
        return site.render(request, actor, view(site, code, form));
    });
    site.post(router, pattern, [=, &site](Request& request, const FormFields& fields) {
        const Actor actor = site.require(request, {Role::admin});
        const std::string code = request.pathParams.at("code");
        existing(site, find, code, what);
        const Form form = Form::from(fields);
        return saveOrShow(
            site, request, actor, what,
            [&](store::Connection& c, const auto& by) { change(c, code, form.entry(), by); },
            backTo(listPage, what, form.code), [&] { return taken(site, form.code, code); },
            [&] { return view(site, code, form); });
    });
}

// A depot's or van's taken code (they have no other unique field).
std::string takenCode(Site&, const std::string&, const std::string&) { return "code"; }

// The id of the i-th checkbox or radio of a group: the first carries the group's id, which the
// error summary links to.
std::string choiceId(const std::string& group, std::size_t i) {
    return i == 0 ? group : group + "-" + std::to_string(i + 1);
}

// Entries with a code and a name as a list's rows or a select's options, `chosen` selected.
template <typename Entry>
mustache::data codeChoices(const std::vector<Entry>& entries, const std::string& chosen) {
    mustache::data choices(mustache::data::type::list);
    for (const auto& entry : entries) {
        mustache::data choice;
        choice.set("code", entry.code);
        choice.set("name", entry.name);
        choice.set("selected", entry.code == chosen);
        choices.push_back(choice);
    }
    return choices;
}

// ---- Funders and teams ----

struct TeamForm {
    std::string code;
    std::string name;
    std::string funderCode;
    std::string approvalLimit;  ///< Pounds, as typed.

    static TeamForm from(const FormFields& fields) {
        return {fields.text("code"), fields.text("name"), fields.text("funder_code"),
                fields.text("approval_limit")};
    }
    static TeamForm from(const store::TeamEntry& team) {
        const Pence pence = team.approvalLimit;
        const std::string fraction = std::to_string(100 + pence % 100).substr(1);
        return {team.code, team.name, team.funderCode,
                std::to_string(pence / 100) + "." + fraction};
    }
    // "£1,500.50" is read as 1500.50 pounds.
    store::TeamEntry entry() const {
        std::string pounds;
        for (char ch : approvalLimit) {
            if (ch != ',') pounds += ch;
        }
        if (pounds.starts_with("£")) pounds.erase(0, std::string("£").size());
        if (pounds.empty()) throw ValidationError("approval_limit", "Enter the approval limit");
        try {
            return {code, name, funderCode, parsePoundsToPence(pounds, "approval_limit")};
        } catch (const ValidationError&) {
            throw ValidationError("approval_limit",
                                  "Enter the approval limit in pounds, like 1500 or 1500.50");
        }
    }
};

mustache::data teamFormData(const TeamForm& form, const std::vector<store::FunderEntry>& funders) {
    mustache::data data;
    data.set("code", form.code);
    data.set("name", form.name);
    data.set("approval_limit", form.approvalLimit);
    data.set("funders", codeChoices(funders, form.funderCode));
    data.set("has_funders", !funders.empty());
    return data;
}

struct OrganisationLists {
    std::vector<store::FunderEntry> funders;
    std::vector<store::TeamEntry> teams;
};

OrganisationLists organisationLists(Site& site) {
    return site.app.db.read([](store::Connection& c) {
        return OrganisationLists{store::listFunderEntries(c), store::listTeamEntries(c)};
    });
}

mustache::data teamRows(const OrganisationLists& lists) {
    mustache::data rows(mustache::data::type::list);
    for (const auto& team : lists.teams) {
        mustache::data row;
        row.set("code", team.code);
        row.set("name", team.name);
        row.set("funder", team.funderCode);
        row.set("approval_limit", formatPounds(team.approvalLimit));
        row.set("href", std::string(kOrganisationPage) + "/teams/" + urlEncode(team.code));
        rows.push_back(row);
    }
    return rows;
}

PageView organisationView(Site& site, const store::FunderEntry& funder, const TeamForm& team) {
    const OrganisationLists lists = organisationLists(site);
    PageView view;
    view.title = "Funders and teams";
    view.templateName = "admin_organisation";
    view.section = "organisation";
    view.data.set("funders", codeChoices(lists.funders, ""));
    view.data.set("has_funder_rows", !lists.funders.empty());
    view.data.set("teams", teamRows(lists));
    view.data.set("has_team_rows", !lists.teams.empty());
    mustache::data funderForm;
    funderForm.set("code", funder.code);
    funderForm.set("name", funder.name);
    view.data.set("funder", funderForm);
    view.data.set("team", teamFormData(team, lists.funders));
    return view;
}

Response organisationPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    PageView view = organisationView(site, {}, {});
    const std::string funder = request.queryValue("funder").substr(0, 100);
    const std::string team = request.queryValue("team").substr(0, 100);
    const OrganisationLists lists = organisationLists(site);
    setSaved(view, "Funder", funder,
             std::any_of(lists.funders.begin(), lists.funders.end(),
                         [&](const auto& each) { return each.code == funder; }));
    setSaved(view, "Team", team,
             std::any_of(lists.teams.begin(), lists.teams.end(),
                         [&](const auto& each) { return each.code == team; }));
    return site.render(request, actor, std::move(view));
}

Response addFunder(Site& site, Request& request, const FormFields& fields) {
    const Actor actor = site.require(request, {Role::admin});
    const store::FunderEntry funder{fields.text("code"), fields.text("name")};
    return saveOrShow(
        site, request, actor, "funder",
        [&](store::Connection& c, const auto& change) { store::addFunder(c, funder, change); },
        backTo(kOrganisationPage, "funder", funder.code), codeTaken,
        [&] { return organisationView(site, funder, {}); });
}

// A team's taken code or name: the code when another team has it.
std::string takenTeamField(Site& site, const std::string& code, const std::string& current) {
    const bool codeTaken = code != current && site.app.db.read([&](store::Connection& c) {
        return store::findTeamEntry(c, code).has_value();
    });
    return codeTaken ? "code" : "name";
}

Response addTeam(Site& site, Request& request, const FormFields& fields) {
    const Actor actor = site.require(request, {Role::admin});
    const TeamForm form = TeamForm::from(fields);
    return saveOrShow(
        site, request, actor, "team",
        [&](store::Connection& c, const auto& change) { store::addTeam(c, form.entry(), change); },
        backTo(kOrganisationPage, "team", form.code),
        [&] { return takenTeamField(site, form.code, ""); },
        [&] { return organisationView(site, {}, form); });
}

PageView teamView(Site& site, const std::string& code, const TeamForm& form) {
    PageView view;
    view.title = "Change team " + code;
    view.templateName = "admin_organisation_team";
    view.section = "organisation";
    view.data.set("action", std::string(kOrganisationPage) + "/teams/" + urlEncode(code));
    view.data.set("team", teamFormData(form, organisationLists(site).funders));
    return view;
}

// ---- Depots and vans ----

struct DepotForm {
    std::string code;
    std::string name;
    std::string postcode;
    std::vector<std::string> districts;

    static DepotForm from(const FormFields& fields) {
        return {fields.text("code"), fields.text("name"), fields.text("postcode"),
                fields.all("districts")};
    }
    static DepotForm from(const store::DepotEntry& depot) {
        return {depot.code, depot.name, depot.postcode, depot.districts};
    }
    store::DepotEntry entry() const { return {code, name, postcode, districts}; }
};

struct VanForm {
    std::string code;
    std::string depotCode;
    std::string capacityUnits;
    std::string shiftStart;
    std::string shiftEnd;
    std::vector<std::string> skills;
    bool twoPerson = false;
    bool active = true;

    static VanForm from(const FormFields& fields) {
        return {fields.text("code"),
                fields.text("depot_code"),
                fields.text("capacity_units"),
                fields.text("shift_start"),
                fields.text("shift_end"),
                fields.all("skills"),
                fields.text("two_person") == "yes",
                fields.text("active") != "no"};
    }
    static VanForm from(const store::VanEntry& van) {
        return {van.code,
                van.depotCode,
                std::to_string(van.capacityUnits),
                store::shiftText(van.shiftStartSeconds),
                store::shiftText(van.shiftEndSeconds),
                van.skills,
                van.twoPerson,
                van.active};
    }
    store::VanEntry entry() const {
        store::VanEntry van;
        van.code = code;
        van.depotCode = depotCode;
        const auto* end = capacityUnits.data() + capacityUnits.size();
        const auto read = std::from_chars(capacityUnits.data(), end, van.capacityUnits);
        if (capacityUnits.empty() || read.ec != std::errc() || read.ptr != end) {
            throw ValidationError("capacity_units",
                                  "Enter the capacity as a whole number of units");
        }
        van.shiftStartSeconds = store::shiftSeconds(shiftStart, "shift_start");
        van.shiftEndSeconds = store::shiftSeconds(shiftEnd, "shift_end");
        van.skills = skills;
        van.twoPerson = twoPerson;
        van.active = active;
        return van;
    }
};

/// The skills the service knows, with what each means for a visit.
const std::vector<std::pair<std::string, std::string>> kVanSkills = {
    {store::kLiftingSkill, "Lifting: the crew has a lifting engineer (hoists, fitting)"}};

struct DepotLists {
    std::vector<store::DepotEntry> depots;
    std::vector<store::VanEntry> vans;
    std::vector<std::string> districts;  ///< The county's.
    std::vector<std::string> unserved;   ///< Readiness warnings: districts without a depot.
};

DepotLists depotLists(Site& site) {
    return site.app.db.read([](store::Connection& c) {
        DepotLists lists{
            store::listDepotEntries(c), store::listVanEntries(c), store::knownDistricts(c), {}};
        for (const auto& gap : store::readinessGaps(c)) {
            if (gap.key == "district_without_depot") lists.unserved.push_back(gap.message);
        }
        return lists;
    });
}

mustache::data textList(const std::vector<std::string>& texts) {
    mustache::data list(mustache::data::type::list);
    for (const auto& text : texts) list.push_back(mustache::data(text));
    return list;
}

// The county's districts as checkboxes: ticked when the form serves it, with the depot that
// serves it now when that is another one.
mustache::data districtChoices(const DepotForm& form, const std::string& current,
                               const DepotLists& lists) {
    std::map<std::string, const store::DepotEntry*> servedBy;
    for (const auto& depot : lists.depots) {
        for (const auto& district : depot.districts) servedBy[district] = &depot;
    }
    mustache::data choices(mustache::data::type::list);
    for (std::size_t i = 0; i < lists.districts.size(); ++i) {
        const std::string& district = lists.districts[i];
        mustache::data choice;
        choice.set("id", choiceId("depot-districts", i));
        choice.set("name", district);
        choice.set("checked", std::find(form.districts.begin(), form.districts.end(), district) !=
                                  form.districts.end());
        const auto other = servedBy.find(district);
        if (other != servedBy.end() && other->second->code != current) {
            choice.set("served_by", other->second->name + " (" + other->second->code + ")");
        }
        choices.push_back(choice);
    }
    return choices;
}

mustache::data depotFormData(const DepotForm& form, const std::string& current,
                             const DepotLists& lists) {
    mustache::data data;
    data.set("code", form.code);
    data.set("name", form.name);
    data.set("postcode", form.postcode);
    data.set("districts", districtChoices(form, current, lists));
    return data;
}

mustache::data vanFormData(const VanForm& form, const DepotLists& lists) {
    mustache::data data;
    data.set("code", form.code);
    data.set("capacity_units", form.capacityUnits);
    data.set("shift_start", form.shiftStart);
    data.set("shift_end", form.shiftEnd);
    data.set("two_person", form.twoPerson);
    data.set("active", form.active);
    data.set("depots", codeChoices(lists.depots, form.depotCode));
    mustache::data skills(mustache::data::type::list);
    for (std::size_t i = 0; i < kVanSkills.size(); ++i) {
        mustache::data choice;
        choice.set("id", choiceId("van-skills", i));
        choice.set("value", kVanSkills[i].first);
        choice.set("label", kVanSkills[i].second);
        choice.set("checked", std::find(form.skills.begin(), form.skills.end(),
                                        kVanSkills[i].first) != form.skills.end());
        skills.push_back(choice);
    }
    data.set("skills", skills);
    return data;
}

mustache::data vanRows(const std::string& depot, const DepotLists& lists) {
    mustache::data rows(mustache::data::type::list);
    for (const auto& van : lists.vans) {
        if (van.depotCode != depot) continue;
        mustache::data row;
        row.set("code", van.code);
        row.set("capacity_units", std::to_string(van.capacityUnits));
        row.set("shift", store::shiftText(van.shiftStartSeconds) + " to " +
                             store::shiftText(van.shiftEndSeconds));
        row.set("crew", std::string(van.twoPerson ? "Two people" : "One person") +
                            (van.skills.empty() ? "" : ", lifting"));
        row.set("active", van.active);
        row.set("href", std::string(kDepotsPage) + "/vans/" + urlEncode(van.code));
        rows.push_back(row);
    }
    return rows;
}

mustache::data depotRows(const DepotLists& lists) {
    mustache::data rows(mustache::data::type::list);
    for (const auto& depot : lists.depots) {
        mustache::data row;
        row.set("code", depot.code);
        row.set("name", depot.name);
        row.set("postcode", depot.postcode);
        std::string districts;
        for (const auto& district : depot.districts) {
            districts += (districts.empty() ? "" : ", ") + district;
        }
        row.set("districts", districts.empty() ? std::string("None") : districts);
        row.set("href", std::string(kDepotsPage) + "/" + urlEncode(depot.code));
        const mustache::data vans = vanRows(depot.code, lists);
        row.set("vans", vans);
        row.set("has_vans", !vans.is_empty_list());
        rows.push_back(row);
    }
    return rows;
}

PageView depotsView(const DepotLists& lists, const DepotForm& depot, const VanForm& van) {
    PageView view;
    view.title = "Depots and vans";
    view.templateName = "admin_depots";
    view.section = "organisation";
    view.data.set("unserved", textList(lists.unserved));
    view.data.set("has_unserved", !lists.unserved.empty());
    view.data.set("depot_rows", depotRows(lists));
    view.data.set("has_depot_rows", !lists.depots.empty());
    view.data.set("depot", depotFormData(depot, "", lists));
    view.data.set("van", vanFormData(van, lists));
    return view;
}

template <typename Entry>
bool hasCode(const std::vector<Entry>& entries, const std::string& code) {
    return std::any_of(entries.begin(), entries.end(),
                       [&](const Entry& each) { return each.code == code; });
}

Response depotsPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    const DepotLists lists = depotLists(site);
    PageView view = depotsView(lists, {}, {});
    const std::string depot = request.queryValue("depot").substr(0, 100);
    const std::string van = request.queryValue("van").substr(0, 100);
    setSaved(view, "Depot", depot, hasCode(lists.depots, depot));
    setSaved(view, "Van", van, hasCode(lists.vans, van));
    return site.render(request, actor, std::move(view));
}

Response addDepot(Site& site, Request& request, const FormFields& fields) {
    const Actor actor = site.require(request, {Role::admin});
    const DepotForm form = DepotForm::from(fields);
    return saveOrShow(
        site, request, actor, "depot",
        [&](store::Connection& c, const auto& change) { store::addDepot(c, form.entry(), change); },
        backTo(kDepotsPage, "depot", form.code), codeTaken,
        [&] { return depotsView(depotLists(site), form, {}); });
}

Response addVan(Site& site, Request& request, const FormFields& fields) {
    const Actor actor = site.require(request, {Role::admin});
    const VanForm form = VanForm::from(fields);
    return saveOrShow(
        site, request, actor, "van",
        [&](store::Connection& c, const auto& change) { store::addVan(c, form.entry(), change); },
        backTo(kDepotsPage, "van", form.code), codeTaken,
        [&] { return depotsView(depotLists(site), {}, form); });
}

PageView depotView(Site& site, const std::string& code, const DepotForm& form) {
    PageView view;
    view.title = "Change depot " + code;
    view.templateName = "admin_depots_depot";
    view.section = "organisation";
    view.data.set("action", std::string(kDepotsPage) + "/" + urlEncode(code));
    view.data.set("depot", depotFormData(form, code, depotLists(site)));
    return view;
}

PageView vanView(Site& site, const std::string& code, const VanForm& form) {
    PageView view;
    view.title = "Change van " + code;
    view.templateName = "admin_depots_van";
    view.section = "organisation";
    view.data.set("action", std::string(kDepotsPage) + "/vans/" + urlEncode(code));
    view.data.set("van", vanFormData(form, depotLists(site)));
    return view;
}

void addDepotPages(Router& router, Site& site) {
    const std::string depots = kDepotsPage;
    site.get(router, depots, [&site](Request& r) { return depotsPage(site, r); });
    site.post(router, depots,
              [&site](Request& r, const FormFields& f) { return addDepot(site, r, f); });
    // Before /admin/depots/{code}: "vans" is the vans' part of the page, not a depot.
    site.get(router, depots + "/vans",
             [](Request&) { return Site::redirect("/admin/depots#vans"); });
    site.post(router, depots + "/vans",
              [&site](Request& r, const FormFields& f) { return addVan(site, r, f); });
    addChangePage<VanForm>(router, site, depots + "/vans/{code}", "van", kDepotsPage,
                           &store::findVanEntry, &vanView, &store::changeVan, &takenCode);
    addChangePage<DepotForm>(router, site, depots + "/{code}", "depot", kDepotsPage,
                             &store::findDepotEntry, &depotView, &store::changeDepot, &takenCode);
}

}  // namespace

void addOrganisationPages(Router& router, Site& site) {
    site.get(router, kOrganisationPage, [&site](Request& r) { return organisationPage(site, r); });
    site.post(router, std::string(kOrganisationPage) + "/funders",
              [&site](Request& r, const FormFields& f) { return addFunder(site, r, f); });
    site.post(router, std::string(kOrganisationPage) + "/teams",
              [&site](Request& r, const FormFields& f) { return addTeam(site, r, f); });
    addChangePage<TeamForm>(router, site, std::string(kOrganisationPage) + "/teams/{code}", "team",
                            kOrganisationPage, &store::findTeamEntry, &teamView, &store::changeTeam,
                            &takenTeamField);
    addDepotPages(router, site);
}

}  // namespace ces::web
