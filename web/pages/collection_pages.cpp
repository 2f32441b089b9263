#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "core/postcode.h"
#include "core/store/admin/geography.h"
#include "core/store/collections/collections.h"
#include "core/store/orders/order_access.h"
#include "core/store/orders/order_loans.h"
#include "core/store/orders/tracking.h"
#include "web/http/paging.h"
#include "web/pages/page_routes.h"
#include "web/pages/presenters.h"
#include "web/pages/tracking_link.h"
#include "web/policies.h"

namespace ces::web {

namespace {

// The reasons a prescriber or a resident may give (end_of_loan is the warehouse's), in the
// staff's words; residents read theirs from the catalogue (collect_reason_VALUE).
struct ReasonWords {
    CollectionReason reason;
    const char* staff;
};
constexpr ReasonWords kReasons[] = {
    {CollectionReason::no_longer_needed, "No longer needed"},
    {CollectionReason::moved, "The resident has moved home"},
    {CollectionReason::deceased, "The resident has died"},
    {CollectionReason::faulty, "Faulty or broken"},
    {CollectionReason::care_home, "The resident has moved into a care home"},
};

std::string reasonText(CollectionReason reason) {
    for (const auto& r : kReasons) {
        if (r.reason == reason) return r.staff;
    }
    return reason == CollectionReason::end_of_loan ? "End of loan" : std::string(toString(reason));
}

/// The collection's status as a tag.
StatusTag collectionTag(CollectionStatus status) {
    switch (status) {
        case CollectionStatus::collected:
            return {"Collected", "govuk-tag--green"};
        case CollectionStatus::cancelled:
            return {"Cancelled", "govuk-tag--grey"};
        case CollectionStatus::requested:
            break;
    }
    return {"Requested", "govuk-tag--blue"};
}

mustache::data reasonOptions(const std::string& chosen, const WordsIn* resident) {
    mustache::data list(mustache::data::type::list);
    bool first = true;
    for (const auto& r : kReasons) {
        mustache::data option;
        const std::string value(toString(r.reason));
        option.set("id", first ? std::string("reason") : "reason-" + value);
        option.set("value", value);
        option.set("label", resident ? (*resident)("collect_reason_" + value) : r.staff);
        option.set("checked", value == chosen);
        list.push_back(option);
        first = false;
    }
    return list;
}

store::CollectionCaller staffCaller(const Actor& actor) {
    return {actor.role == Role::prescriber ? CollectionRequester::prescriber
                                           : CollectionRequester::warehouse,
            actor, std::nullopt};
}

// ---- /collections --------------------------------------------------------------------------

Response collectionsPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::prescriber, Role::planner, Role::warehouse});
    const bool overdueOnly = request.queryValue("overdue") == "true";
    App& app = site.app;
    store::OpenCollections which;
    if (actor.role == Role::prescriber) {
        if (!actor.team) throw Forbidden("a prescriber without a team sees no collections");
        which.team = actor.team;
    }
    const Instant now = app.now();
    if (overdueOnly) which.dueBefore = now;
    const auto page = pageRequest(request, 50);
    const auto listed =
        app.db.read([&](store::Connection& c) { return store::openCollections(c, which, page); });
    const auto& open = listed.items;

    PageView view;
    view.title = actor.role == Role::prescriber ? "Your team's collections" : "Collections";
    view.templateName = "collections";
    view.section = "collections";
    mustache::data rows(mustache::data::type::list);
    for (const auto& k : open) {
        const bool overdue = k.dueBy < now;
        mustache::data row;
        row.set("reference", k.reference);
        if (k.orderReference) row.set("order_reference", *k.orderReference);
        row.set("district", k.district);
        row.set("reason", reasonText(k.reason));
        row.set("urgent", k.urgent);
        row.set("due_by", ukDateTime(k.dueBy));
        row.set("requested_by", std::string(toString(k.requestedBy)));
        std::int64_t outstanding = 0;
        for (const auto& item : k.items) {
            if (item.outstanding) outstanding += item.quantity;
        }
        row.set("outstanding", std::to_string(outstanding));
        row.set("overdue", overdue);
        if (overdue) {
            const auto days = daysOverdue(k.dueBy, now);
            row.set("overdue_days",
                    days == 1 ? std::string("1 day") : std::to_string(days) + " days");
        }
        rows.push_back(row);
    }
    const std::size_t shown = open.size();
    view.data.set("collections", rows);
    view.data.set("has_collections", shown > 0);
    view.data.set("overdue_only", overdueOnly);
    const std::string counted =
        shown == 1 ? std::string("1 open collection") : std::to_string(shown) + " open collections";
    view.data.set("count_text", listed.next ? counted + " shown, earliest due first" : counted);
    setNextLink(view, request, listed.next, "More collections");
    return site.render(request, actor, std::move(view));
}

// ---- /orders/{ref}/collection --------------------------------------------------------------

struct CollectionForm {
    std::string scope;  ///< "whole" or "chosen".
    std::set<std::string> barcodes;
    std::string reason;
    std::string urgent;  ///< "yes" or "no".
    std::string notes;
};

PageView requestView(Site& site, const std::string& reference, const CollectionForm& form) {
    const auto lines =
        site.app.db.read([&](store::Connection& c) { return store::orderLoanLines(c, reference); });
    PageView view;
    view.title = "Request a collection";
    view.templateName = "collection_request";
    view.section = "orders";
    view.data.set("reference", reference);
    mustache::data items(mustache::data::type::list);
    mustache::data counted(mustache::data::type::list);
    bool first = true;
    bool anyCounted = false;
    for (const auto& line : lines) {
        if (line.barcodes.empty()) {
            anyCounted = true;
            mustache::data item;
            item.set("text", line.itemName + " (" + line.itemCode + "), " +
                                 std::to_string(line.quantityOut) + " on loan");
            counted.push_back(item);
        }
        for (const auto& barcode : line.barcodes) {
            mustache::data item;
            item.set("id", first ? std::string("barcodes") : "barcode-" + barcode);
            item.set("value", barcode);
            item.set("label", line.itemName + ", barcode " + barcode);
            item.set("checked", form.barcodes.count(barcode) > 0);
            items.push_back(item);
            first = false;
        }
    }
    view.data.set("assets", items);
    view.data.set("has_assets", !first);
    view.data.set("counted", counted);
    view.data.set("has_counted", anyCounted);
    view.data.set("nothing_on_loan", lines.empty());
    view.data.set("scope_whole", form.scope == "whole");
    view.data.set("scope_chosen", form.scope == "chosen");
    view.data.set("reasons", reasonOptions(form.reason, nullptr));
    view.data.set("urgent_yes", form.urgent == "yes");
    view.data.set("urgent_no", form.urgent == "no");
    view.data.set("notes", form.notes);
    return view;
}

Actor orderPrescriber(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::prescriber});
    site.app.db.read([&](store::Connection& c) {
        return store::loadOrderFor(c, request.pathParams["ref"], actor, store::OrderAccess::read);
    });
    return actor;
}

Response showRequestForm(Site& site, Request& request) {
    const Actor actor = orderPrescriber(site, request);
    return site.render(request, actor, requestView(site, request.pathParams["ref"], {}));
}

Response submitRequest(Site& site, Request& request, const FormFields& fields) {
    const Actor actor = orderPrescriber(site, request);
    const std::string reference = request.pathParams["ref"];
    CollectionForm form;
    form.scope = fields.text("scope");
    for (const auto& barcode : fields.all("barcodes")) {
        if (!barcode.empty() && barcode.size() <= 100) form.barcodes.insert(trimmed(barcode));
    }
    form.reason = fields.text("reason");
    form.urgent = fields.text("urgent");
    form.notes = fields.text("notes");

    std::vector<FieldError> errors;
    if (form.scope != "whole" && form.scope != "chosen") {
        errors.push_back({"scope", "scope", "Select what to collect"});
    } else if (form.scope == "chosen" && form.barcodes.empty()) {
        errors.push_back({"barcodes", "barcodes", "Select the items to collect"});
    }
    const auto reason = parseCollectionReason(form.reason);
    if (!reason || *reason == CollectionReason::end_of_loan) {
        errors.push_back({"reason", "reason", "Select why the equipment is coming back"});
    }
    if (form.urgent != "yes" && form.urgent != "no") {
        errors.push_back({"urgent", "urgent", "Select yes if the collection is urgent"});
    }
    if (form.notes.size() > 500) {
        errors.push_back({"notes", "notes", "Notes must be 500 characters or fewer"});
    }
    int status = 422;
    if (errors.empty()) {
        store::CollectionRequest wanted;
        if (form.scope == "whole")
            wanted.orderReference = reference;
        else
            wanted.barcodes.assign(form.barcodes.begin(), form.barcodes.end());
        wanted.reason = *reason;
        wanted.urgent = form.urgent == "yes";
        wanted.notes = form.notes;
        const auto rules = collectionRulesOf(site.app.settings());
        try {
            const auto made = site.app.db.write([&](store::Connection& c) {
                return store::requestCollection(c, wanted, staffCaller(actor), site.app.now(),
                                                site.app.workingDays(), rules);
            });
            return Site::redirect("/collections/" + made.reference);
        } catch (const Conflict& e) {
            status = 409;
            const std::string anchor = form.scope == "chosen" ? "barcodes" : "scope";
            if (e.code() == "already_requested") {
                errors.push_back({anchor, anchor,
                                  "A collection has already been requested for "
                                  "this equipment"});
            } else {
                errors.push_back({anchor, anchor, "That equipment is no longer on loan"});
            }
        } catch (const NotFound&) {
            errors.push_back({"barcodes", "barcodes", "Select items from this order"});
        }
    }
    PageView view = requestView(site, reference, form);
    view.errors = std::move(errors);
    view.status = status;
    return site.render(request, actor, std::move(view));
}

// ---- /collections/{ref} --------------------------------------------------------------------

void describeCollection(PageView& view, const store::Collection& k) {
    view.data.set("collection_reference", k.reference);
    if (k.orderReference) view.data.set("order_reference", *k.orderReference);
    view.data.set("due_by", ukDateTime(formatInstant(k.dueBy)));
    view.data.set("due_date", ukDate(formatInstant(k.dueBy)));
    view.data.set("reason", reasonText(k.reason));
    view.data.set("urgent", k.urgent);
    const StatusTag tag = collectionTag(k.status);
    view.data.set("status_text", tag.text);
    view.data.set("status_class", tag.cssClass);
    view.data.set("open", k.status == CollectionStatus::requested);
    view.data.set("requested_at", ukDateTime(formatInstant(k.requestedAt)));
    if (!k.notes.empty()) view.data.set("notes", k.notes);
    mustache::data items(mustache::data::type::list);
    for (const auto& item : k.items) {
        mustache::data row;
        row.set("name", item.itemName);
        row.set("barcode", item.barcode.value_or("Not barcoded"));
        row.set("quantity", std::to_string(item.quantity));
        row.set("outstanding", item.outstanding);
        items.push_back(row);
    }
    view.data.set("items", items);
}

Response collectionPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::prescriber, Role::planner, Role::warehouse});
    const auto k = site.app.db.read([&](store::Connection& c) {
        return store::findCollection(c, request.pathParams["ref"].substr(0, 40),
                                     staffCaller(actor));
    });
    PageView view;
    view.title = k.status == CollectionStatus::requested ? "Collection requested"
                                                         : "Collection " + k.reference;
    view.templateName = "collection";
    view.section = "collections";
    describeCollection(view, k);
    return site.render(request, actor, std::move(view));
}

// ---- Residents: /track/{token}/collection --------------------------------------------------

store::CollectionCaller residentCaller(const store::TrackingView& order) {
    return {CollectionRequester::resident, std::nullopt, order.reference};
}

PageView residentRequestView(const store::TrackingView& order, const std::string& reason,
                             const std::string& notes, const WordsIn& w) {
    PageView view;
    view.language = w.language();
    view.title = w("collect_title");
    view.templateName = "collection_resident";
    view.section = "track";
    view.data.set("reference", order.reference);
    view.data.set("token", order.trackingToken);
    view.data.set("reasons", reasonOptions(reason, &w));
    view.data.set("notes", notes);
    view.data.set("or_call", w("collect_or_call",
                               {{"team", order.contactTeam}, {"phone", order.contactPhone}}));
    return view;
}

Response showResidentForm(Site& site, Request& request) {
    const auto order = orderByTrackingLink(site, request);
    const WordsIn w = site.residentWords(request, order.contact.language);
    return site.render(request, std::nullopt, residentRequestView(order, "", "", w));
}

Response submitResidentRequest(Site& site, Request& request, const FormFields& fields) {
    const auto order = orderByTrackingLink(site, request);
    const std::string reasonText = fields.text("reason");
    const std::string notes = fields.text("notes");
    const WordsIn w = site.residentWords(request, order.contact.language);
    PageView view = residentRequestView(order, reasonText, notes, w);
    const auto reason = parseCollectionReason(reasonText);
    if (!reason || *reason == CollectionReason::end_of_loan) {
        addError(view, "reason", w("collect_error_reason"));
    }
    if (notes.size() > 500) addError(view, "notes", w("collect_error_notes"));
    if (view.errors.empty()) {
        store::CollectionRequest wanted;
        wanted.orderReference = order.reference;
        wanted.reason = *reason;
        wanted.notes = notes;
        const auto rules = collectionRulesOf(site.app.settings());
        try {
            const auto made = site.app.db.write([&](store::Connection& c) {
                return store::requestCollection(c, wanted, residentCaller(order), site.app.now(),
                                                site.app.workingDays(), rules);
            });
            return Site::redirect("/track/" + order.trackingToken + "/collection/" +
                                  made.reference);
        } catch (const Conflict& e) {
            view.status = 409;
            addError(view, "reason",
                     w(e.code() == "already_requested" ? "collect_error_already"
                                                       : "collect_error_nothing"),
                     "reason");
            return site.render(request, std::nullopt, std::move(view));
        }
    }
    view.status = 422;
    return site.render(request, std::nullopt, std::move(view));
}

Response residentConfirmation(Site& site, Request& request) {
    const auto order = orderByTrackingLink(site, request);
    const auto k = site.app.db.read([&](store::Connection& c) {
        return store::findCollection(c, request.pathParams["ref"].substr(0, 40),
                                     residentCaller(order));
    });
    const WordsIn w = site.residentWords(request, order.contact.language);
    PageView view;
    view.language = w.language();
    view.title = w("collect_done_title");
    view.templateName = "collection_resident_done";
    view.section = "track";
    describeCollection(view, k);
    view.data.set("collect_by", w("collect_done_by", {{"date", w.dateOf(formatInstant(k.dueBy))}}));
    view.data.set("token", order.trackingToken);
    view.data.set("change_line", w("collect_change",
                                   {{"team", order.contactTeam}, {"phone", order.contactPhone}}));
    return site.render(request, std::nullopt, std::move(view));
}

// ---- /collection-points --------------------------------------------------------------------

struct Place {
    double lat = 0;
    double lon = 0;
};

// Most collection points have only a district in the data: their distance is measured from the
// middle of that district's postcodes, worked out once per district for as long as the pages live.
class DistrictMiddles {
  public:
    std::optional<Place> of(store::Connection& c, const std::string& district) {
        std::lock_guard lock(mutex_);
        if (auto found = known_.find(district); found != known_.end()) return found->second;
        double lat = 0;
        double lon = 0;
        std::size_t n = 0;
        for (const auto& p : store::postcodesInDistrict(c, district)) {
            lat += p.lat;
            lon += p.lon;
            ++n;
        }
        std::optional<Place> middle;
        if (n > 0) middle = Place{lat / static_cast<double>(n), lon / static_cast<double>(n)};
        known_[district] = middle;
        return middle;
    }

  private:
    std::mutex mutex_;
    std::map<std::string, std::optional<Place>> known_;
};

std::string miles(double metres) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", metres / 1609.344);
    return buffer;
}

Response collectionPointsPage(Site& site, DistrictMiddles& middles, Request& request) {
    const std::string entered = trimmed(request.queryValue("postcode")).substr(0, 20);
    const WordsIn w = site.residentWords(request);
    PageView view;
    view.language = w.language();
    view.title = w("points_title");
    view.templateName = "collection_points";
    view.section = "track";
    view.data.set("postcode", entered);
    std::optional<PostcodeInfo> from;
    if (!entered.empty()) {
        const auto normal = normalisePostcode(entered);
        if (normal) {
            from = site.app.db.read(
                [&](store::Connection& c) { return store::findPostcode(c, *normal); });
        }
        if (!from) {
            addError(view, "postcode", w("points_error_postcode"));
            view.status = 422;
        }
    }
    struct Shown {
        store::CollectionPoint point;
        std::optional<double> metres;
        bool estimated = false;
    };
    std::vector<Shown> shown;
    site.app.db.read([&](store::Connection& c) {
        for (auto& p : store::listCollectionPoints(c)) {
            Shown s{p, std::nullopt, false};
            if (from) {
                if (p.lat && p.lon) {
                    s.metres = store::greatCircleMetres(from->lat, from->lon, *p.lat, *p.lon);
                } else if (const auto middle = middles.of(c, p.district)) {
                    s.metres =
                        store::greatCircleMetres(from->lat, from->lon, middle->lat, middle->lon);
                    s.estimated = true;
                }
            }
            shown.push_back(std::move(s));
        }
        return 0;
    });
    std::stable_sort(shown.begin(), shown.end(), [](const Shown& a, const Shown& b) {
        if (a.metres && b.metres) return *a.metres < *b.metres;
        if (a.metres || b.metres) return a.metres.has_value();
        return a.point.district + a.point.name < b.point.district + b.point.name;
    });
    mustache::data points(mustache::data::type::list);
    std::size_t n = 0;
    for (const auto& s : shown) {
        if (from && n == 5) break;  // The nearest five.
        mustache::data point;
        point.set("name", s.point.name);
        point.set("address",
                  s.point.address + (s.point.postcode ? ", " + *s.point.postcode : std::string()));
        point.set("district", s.point.district);
        point.set("hours", w("points_hours", {{"operator", s.point.operatorName}}));
        if (s.metres) {
            point.set("distance",
                      s.estimated ? w("points_distance_about",
                                      {{"miles", miles(*s.metres)}, {"district", s.point.district}})
                                  : w("points_distance", {{"miles", miles(*s.metres)}}));
        }
        points.push_back(point);
        ++n;
    }
    view.data.set("points", points);
    view.data.set("has_points", n > 0);
    if (from) view.data.set("nearest", w("points_nearest", {{"postcode", from->postcode}}));
    return site.render(request, site.signedIn(request), std::move(view));
}

}  // namespace

void addCollectionPages(Router& router, Site& site) {
    site.get(router, "/collections", [&site](Request& r) { return collectionsPage(site, r); });
    site.get(router, "/collections/{ref}", [&site](Request& r) { return collectionPage(site, r); });
    site.get(router, "/orders/{ref}/collection",
             [&site](Request& r) { return showRequestForm(site, r); });
    site.post(router, "/orders/{ref}/collection",
              [&site](Request& r, const FormFields& f) { return submitRequest(site, r, f); });
    site.get(router, "/track/{token}/collection",
             [&site](Request& r) { return showResidentForm(site, r); });
    site.post(router, "/track/{token}/collection", [&site](Request& r, const FormFields& f) {
        return submitResidentRequest(site, r, f);
    });
    site.get(router, "/track/{token}/collection/{ref}",
             [&site](Request& r) { return residentConfirmation(site, r); });
    auto middles = std::make_shared<DistrictMiddles>();
    site.get(router, "/collection-points",
             [&site, middles](Request& r) { return collectionPointsPage(site, *middles, r); });
}

}  // namespace ces::web
