#include "core/store/admin/competences.h"
#include "core/store/catalogue/catalogue.h"
#include "web/pages/page_routes.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

const std::initializer_list<Role> kStaff = {
    Role::prescriber, Role::budget_holder, Role::warehouse, Role::planner,
    Role::driver,     Role::commissioner,  Role::admin};

// An item needing more than basic competence says so, and whether the prescriber holds it.
std::string competenceWords(const CatalogueItem& item, const std::vector<HeldCompetence>* held,
                            std::chrono::year_month_day today) {
    if (item.competence == kBasicCompetence) return "";
    std::string words = "Needs " + competenceLabel(item.competence) + " competence";
    if (!held) return words;
    return holdsCompetence(*held, item.competence, today)
               ? words + ": you hold it"
               : words +
                     ": you do not hold it, so a colleague in your team who does must "
                     "countersign the order";
}

mustache::data itemCard(const CatalogueEntry& entry) {
    mustache::data card;
    card.set("code", entry.item.code);
    card.set("name", entry.item.name);
    card.set("category", entry.item.category);
    card.set("price", pounds(entry.item.pricePence));
    if (entry.available > 0) {
        card.set("availability", std::to_string(entry.available) + " in stock");
        card.set("availability_class", "govuk-tag--green");
    } else {
        card.set("availability", "Out of stock");
        card.set("availability_class", "govuk-tag--red");
    }
    std::string handling;
    if (entry.item.twoPerson) handling = "Two people deliver it";
    if (entry.item.needsFitting) {
        handling += handling.empty() ? "Fitted and demonstrated" : "; fitted and demonstrated";
    }
    if (!handling.empty()) card.set("handling", handling);
    mustache::data equivalents(mustache::data::type::list);
    for (const auto& code : entry.equivalents) {
        mustache::data equivalent;
        equivalent.set("code", code);
        equivalents.push_back(equivalent);
    }
    card.set("equivalents", equivalents);
    card.set("has_equivalents", !entry.equivalents.empty());
    return card;
}

Response cataloguePage(Site& site, Request& request) {
    const Actor actor = site.require(request, kStaff);
    store::CatalogueQuery query;
    query.text = trimmed(request.queryValue("q")).substr(0, 200);
    query.category = request.queryValue("category").substr(0, 200);
    query.inStockOnly = request.queryValue("in_stock") == "true";
    const auto [entries, categories] = site.app.db.read([&](store::Connection& c) {
        return std::make_pair(store::searchCatalogue(c, query), store::categories(c));
    });

    PageView view;
    view.title = "Catalogue";
    view.templateName = "catalogue";
    view.section = "catalogue";
    view.data.set("q", query.text);
    view.data.set("in_stock", query.inStockOnly);
    mustache::data categoryList(mustache::data::type::list);
    for (const auto& name : categories) {
        mustache::data option;
        option.set("name", name);
        option.set("selected", name == query.category);
        categoryList.push_back(option);
    }
    view.data.set("categories", categoryList);
    const bool prescribing = actor.role == Role::prescriber;
    const auto held = prescribing ? site.app.db.read([&](store::Connection& c) {
        return store::heldCompetences(c, actor.id);
    })
                                  : std::vector<HeldCompetence>{};
    mustache::data items(mustache::data::type::list);
    for (const auto& entry : entries) {
        auto card = itemCard(entry);
        const std::string needed =
            competenceWords(entry.item, prescribing ? &held : nullptr, ukDateOf(site.app.now()));
        if (!needed.empty()) card.set("competence_needed", needed);
        items.push_back(card);
    }
    view.data.set("items", items);
    view.data.set("count_text", entries.size() == 1 ? std::string("1 item")
                                                    : std::to_string(entries.size()) + " items");
    view.data.set("can_order", actor.role == Role::prescriber);
    if (actor.role == Role::prescriber) {
        const OrderDraft draft = site.drafts.get(actor.id);
        if (draft.resident) {
            view.data.set("drafting", true);
            view.data.set("resident_name", draft.resident->name);
        }
    }
    return site.render(request, actor, std::move(view));
}

}  // namespace

void addCataloguePages(Router& router, Site& site) {
    site.get(router, "/catalogue", [&site](Request& r) { return cataloguePage(site, r); });
}

}  // namespace ces::web
