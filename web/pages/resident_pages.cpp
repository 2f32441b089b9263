#include "core/date_words.h"
#include "core/store/residents/residents.h"
#include "warehouse/key_safe.h"
#include "web/http/request_numbers.h"
#include "web/pages/contact_form.h"
#include "web/pages/date_fields.h"
#include "web/pages/page_routes.h"

namespace ces::web {

namespace {

/// GOV.UK-style words for the store's validation messages about a resident.
std::string residentMessage(const std::string& field, const std::string& storeMessage,
                            const Words& words) {
    if (field == "nhs_number") return "Enter a valid 10-digit NHS number";
    if (field == "date_of_birth") return "Date of birth must be a real date in the past";
    if (field == "name") return "Enter the resident's full name";
    if (field == "address_line1") return "Enter the first line of the address";
    if (field == "town") return "Enter the town or city";
    if (field == "phone") return "Enter a UK phone number, like 01622 123456";
    if (field == "mobile" || field == "email" || field == "contact_name") {
        return contactMessage(field, storeMessage, WordsIn(words, Language::en));
    }
    if (field == "key_safe_code" && storeMessage.starts_with("key_safe_code")) {
        return "Enter the key-safe code in letters, digits, spaces or hyphens, up to 20";
    }
    if (field == "key_safe_consent") {
        return "Tick that the resident agrees that we keep the code, or leave the code empty";
    }
    if (field == "postcode") {
        if (storeMessage.find("outside") != std::string::npos) {
            return "This postcode is outside the county the service covers";
        }
        return "Enter a real postcode in the county, like ME14 1AD";
    }
    return storeMessage;
}

void chooseResident(Site& site, const Actor& actor, const Resident& resident) {
    OrderDraft draft = site.drafts.get(actor.id);
    if (!draft.resident || draft.resident->id != resident.id) draft = OrderDraft{};
    draft.resident = DraftResident{resident.id,       resident.name,     resident.dateOfBirth,
                                   resident.postcode, resident.district, resident.accessNotes};
    site.drafts.put(actor.id, std::move(draft));
}

PageView findView() {
    PageView view;
    view.title = "Who is the equipment for?";
    view.templateName = "order_resident";
    view.section = "new-order";
    return view;
}

Response findResident(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::prescriber});
    std::string nhs;
    for (char ch : form.text("nhs_number")) {
        if (ch != ' ' && ch != '-') nhs += ch;
    }
    PageView view = findView();
    view.data.set("nhs_number", nhs);
    if (nhs.size() != 10 || nhs.find_first_not_of("0123456789") != std::string::npos) {
        addError(view, "nhs_number", "Enter a valid 10-digit NHS number");
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
    std::vector<Resident> found;
    try {
        found = site.app.db.write([&](store::Connection& c) {
            return store::findResidentsByNhsNumber(c, nhs, actor, site.app.now());
        });
    } catch (const ValidationError& e) {
        addError(view, "nhs_number", residentMessage(e.field(), e.what(), site.words));
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
    if (found.empty()) {
        view.data.set("not_found", true);
        return site.render(request, actor, std::move(view));
    }
    chooseResident(site, actor, found.front());
    return Site::redirect("/orders/new/items");
}

PageView registerView(const FormFields* form) {
    PageView view;
    view.title = "Add a new resident";
    view.templateName = "resident_new";
    view.section = "new-order";
    if (form) {
        for (const char* name :
             {"nhs_number", "name", "address_line1", "town", "postcode", "phone", "access_notes"}) {
            view.data.set(name, form->text(name));
        }
        view.data.set("dob_day", form->text("date_of_birth-day"));
        view.data.set("dob_month", form->text("date_of_birth-month"));
        view.data.set("dob_year", form->text("date_of_birth-year"));
        setContactFields(view.data, contactFromForm(*form), form->text("contact_channel"));
    } else {
        setContactFields(view.data, ContactPreferences{}, "");
    }
    return view;
}

Response registerResident(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::prescriber});
    PageView view = registerView(&form);
    NewResident resident;
    resident.nhsNumber = form.text("nhs_number");
    resident.name = form.text("name");
    resident.addressLine1 = form.text("address_line1");
    resident.town = form.text("town");
    resident.postcode = form.text("postcode");
    resident.phone = form.text("phone");
    resident.accessNotes = form.text("access_notes");
    resident.contact = contactFromForm(form);
    if (resident.nhsNumber.empty()) addError(view, "nhs_number", "Enter the NHS number");
    if (resident.name.empty()) addError(view, "name", "Enter the resident's full name");
    const auto born = dateFromParts(form, "date_of_birth");
    if (!born) {
        addError(view, "date_of_birth", "Enter the date of birth, for example 17 5 1942",
                 "date_of_birth-day");
    } else {
        resident.dateOfBirth = *born;
    }
    if (resident.addressLine1.empty()) {
        addError(view, "address_line1", "Enter the first line of the address");
    }
    if (resident.town.empty()) addError(view, "town", "Enter the town or city");
    if (resident.postcode.empty()) addError(view, "postcode", "Enter the postcode");
    if (view.errors.empty()) {
        try {
            const Resident stored = site.app.db.write([&](store::Connection& c) {
                const auto registered = store::registerResident(c, resident, actor, site.app.now());
                return store::readResident(c, registered.id, actor, site.app.now());
            });
            chooseResident(site, actor, stored);
            return Site::redirect("/orders/new/items");
        } catch (const ValidationError& e) {
            addError(view, e.field(), residentMessage(e.field(), e.what(), site.words),
                     e.field() == "date_of_birth" ? "date_of_birth-day" : e.field());
        }
    }
    view.status = 422;
    return site.render(request, actor, std::move(view));
}

const char* const kChangeableFields[] = {"name",     "address_line1", "town",
                                         "postcode", "phone",         "access_notes"};

PageView changeView(const Resident& resident,
                    const std::optional<warehouse::KeySafeConsent>& keySafe) {
    PageView view;
    view.title = "Change details";
    view.templateName = "resident_change";
    view.section = "orders";
    view.data.set("id", std::to_string(resident.id.value()));
    view.data.set("nhs_number", resident.nhsNumber);
    view.data.set("district", resident.district);
    const std::string values[] = {resident.name,     resident.addressLine1, resident.town,
                                  resident.postcode, resident.phone,        resident.accessNotes};
    for (std::size_t i = 0; i < std::size(values); ++i)
        view.data.set(kChangeableFields[i], values[i]);
    setContactFields(view.data, resident.contact, std::string(toString(resident.contact.channel)));
    if (keySafe) {
        view.data.set("key_safe_kept", "We keep a key-safe code, given on " +
                                           dayMonthYear(ukDateOf(keySafe->consentAt)) +
                                           " and recorded by " + keySafe->recordedBy + ".");
    }
    return view;
}

std::optional<warehouse::KeySafeConsent> keySafeOf(Site& site, ResidentId id) {
    return site.app.db.read([&](store::Connection& c) { return warehouse::keySafeConsent(c, id); });
}

// The key-safe part of the form: a new code kept with consent, or the one kept deleted.
void changeKeySafe(Site& site, store::Connection& c, const FormFields& form, ResidentId id,
                   const Actor& actor) {
    if (form.text("key_safe_withdraw") == "yes") {
        warehouse::withdrawKeySafe(c, id, actor.id, site.app.now());
        return;
    }
    const std::string code = form.text("key_safe_code");
    if (code.empty()) return;
    if (!site.app.secrets) {
        throw ValidationError("key_safe_code",
                              "This service cannot keep key-safe codes yet: ask the "
                              "administrator to set its secrets key");
    }
    warehouse::recordKeySafe(c, id, code, form.text("key_safe_consent") == "yes", *site.app.secrets,
                             actor, site.app.now());
}

ResidentId residentIdOf(Request& request) {
    const std::string& text = request.pathParams["id"];
    return ResidentId(parsePathId(text, "no resident has the id " + text.substr(0, 40)));
}

Response changePage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::prescriber, Role::admin});
    const ResidentId id = residentIdOf(request);
    const Resident resident = site.app.db.write([&](store::Connection& c) {
        if (actor.role == Role::admin) {
            auto found = store::findResident(c, id);
            if (!found) throw NotFound("no resident has that id");
            return *found;
        }
        return store::readResident(c, id, actor, site.app.now());
    });
    PageView view = changeView(resident, keySafeOf(site, id));
    if (request.queryValue("done") == "1") view.data.set("done", true);
    return site.render(request, actor, std::move(view));
}

Response changeDetails(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::prescriber, Role::admin});
    const ResidentId id = residentIdOf(request);
    store::ResidentChanges changes;
    changes.name = form.text("name");
    changes.addressLine1 = form.text("address_line1");
    changes.town = form.text("town");
    changes.postcode = form.text("postcode");
    changes.phone = form.text("phone");
    changes.accessNotes = form.text("access_notes");
    contactChangesFromForm(form, changes);
    try {
        site.app.db.write([&](store::Connection& c) {
            store::changeResident(c, id, changes, actor, site.app.now());
            changeKeySafe(site, c, form, id, actor);
            return 0;
        });
        return Site::redirect("/residents/" + std::to_string(id.value()) + "/change?done=1");
    } catch (const ValidationError& e) {
        Resident typed;
        typed.id = id;
        typed.name = *changes.name;
        typed.addressLine1 = *changes.addressLine1;
        typed.town = *changes.town;
        typed.postcode = *changes.postcode;
        typed.phone = *changes.phone;
        typed.accessNotes = *changes.accessNotes;
        typed.contact = {*changes.email,
                         *changes.mobile,
                         changes.channel.value_or(ContactChannel::none),
                         changes.language.value_or(Language::en),
                         *changes.contactName,
                         *changes.contactRelationship};
        PageView view = changeView(typed, keySafeOf(site, id));
        addError(view, e.field(), residentMessage(e.field(), e.what(), site.words));
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
}

}  // namespace

void addResidentPages(Router& router, Site& site) {
    site.get(router, "/orders/new", [&site](Request& r) {
        const Actor actor = site.require(r, {Role::prescriber});
        return site.render(r, actor, findView());
    });
    site.post(router, "/orders/new",
              [&site](Request& r, const FormFields& f) { return findResident(site, r, f); });
    site.get(router, "/residents/new", [&site](Request& r) {
        const Actor actor = site.require(r, {Role::prescriber});
        PageView view = registerView(nullptr);
        view.data.set("nhs_number", r.queryValue("nhs_number").substr(0, 20));
        return site.render(r, actor, std::move(view));
    });
    site.post(router, "/residents/new",
              [&site](Request& r, const FormFields& f) { return registerResident(site, r, f); });
    site.get(router, "/residents/{id}/change", [&site](Request& r) { return changePage(site, r); });
    site.post(router, "/residents/{id}/change",
              [&site](Request& r, const FormFields& f) { return changeDetails(site, r, f); });
}

}  // namespace ces::web
