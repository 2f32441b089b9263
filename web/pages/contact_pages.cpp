// "Change how we contact you" through the tracking link: the resident chooses text, e-mail,
// letter, a phone call or nothing, gives a new mobile or address, and picks their language.
// What they already gave is shown only in part (the link may be forwarded).
#include "core/store/residents/residents.h"
#include "warehouse/key_safe.h"
#include "web/pages/contact_form.h"
#include "web/pages/page_language.h"
#include "web/pages/page_routes.h"
#include "web/pages/tracking_link.h"
#include "web/pages/tracking_words.h"

namespace ces::web {

namespace {

PageView contactView(const store::TrackingView& order, const std::string& token,
                     const std::string& channel, const std::string& language, const WordsIn& w) {
    PageView view;
    view.language = w.language();
    view.title = w("contact_title");
    view.templateName = "track_contact";
    view.section = "track";
    view.data.set("reference", order.reference);
    view.data.set("action", "/track/" + token + "/contact");
    view.data.set("back", "/track/" + token);
    view.data.set("channels", channelChoices(channel, w));
    view.data.set("languages", languageChoices(language));
    if (!order.contact.mobile.empty()) {
        view.data.set("mobile_now",
                      w("contact_mobile_now", {{"mobile", maskedMobile(order.contact.mobile, w)}}));
    }
    if (!order.contact.email.empty()) {
        view.data.set("email_now",
                      w("contact_email_now", {{"email", maskedEmail(order.contact.email)}}));
    }
    return view;
}

// A kept key-safe code is said (never shown) with a button that withdraws consent.
void addKeySafe(Site& site, PageView& view, const store::TrackingView& order,
                const std::string& token, const WordsIn& w) {
    const auto consent = site.app.db.read(
        [&](store::Connection& c) { return warehouse::keySafeConsent(c, order.resident); });
    if (!consent) return;
    view.data.set("key_safe_kept",
                  w("key_safe_kept", {{"date", w.date(ukDateOf(consent->consentAt))}}));
    view.data.set("key_safe_action", "/track/" + token + "/key-safe/withdraw");
}

Response showContact(Site& site, Request& request) {
    const auto order = orderByTrackingLink(site, request);
    const std::string token = request.pathParams["token"].substr(0, 200);
    const WordsIn w = site.residentWords(request, order.contact.language);
    PageView view = contactView(order, token, std::string(toString(order.contact.channel)),
                                std::string(toString(order.contact.language)), w);
    addKeySafe(site, view, order, token, w);
    return site.render(request, site.signedIn(request), std::move(view));
}

// The resident withdraws consent: the code is deleted at once.
Response withdrawKeySafe(Site& site, Request& request) {
    const auto order = orderByTrackingLink(site, request);
    const std::string token = request.pathParams["token"].substr(0, 200);
    site.app.db.write([&](store::Connection& c) {
        return warehouse::withdrawKeySafe(c, order.resident, std::nullopt, site.app.now());
    });
    return Site::redirect("/track/" + token + "?key_safe=withdrawn");
}

Response changeContact(Site& site, Request& request, const FormFields& form) {
    const auto order = orderByTrackingLink(site, request);
    const std::string token = request.pathParams["token"].substr(0, 200);
    const std::string channel = form.text("contact_channel");
    const std::string language = form.text("language");
    store::ResidentChanges changes;
    changes.channel = parseContactChannel(channel);
    changes.language = parseLanguage(language);
    if (!form.text("mobile").empty()) changes.mobile = form.text("mobile");
    if (!form.text("email").empty()) changes.email = form.text("email");
    const WordsIn w = site.residentWords(request, order.contact.language);
    PageView view = contactView(order, token, channel, language, w);
    if (!changes.channel) {
        addError(view, "contact_channel", w("contact_error_channel"), "contact_channel-text");
    } else if (!changes.language) {
        addError(view, "language", w("contact_error_language"), "language-en");
    } else {
        try {
            site.app.db.write([&](store::Connection& c) {
                return store::changeContact(c, order.resident, changes, std::nullopt,
                                            site.app.now());
            });
            // The page after speaks the language just chosen.
            Response done = Site::redirect("/track/" + token + "?contact=changed");
            done.headers.emplace_back("Set-Cookie", languageCookie(*changes.language));
            return done;
        } catch (const ValidationError& e) {
            addError(view, e.field(), contactMessage(e.field(), e.what(), w));
        }
    }
    addKeySafe(site, view, order, token, w);
    view.data.set("mobile", form.text("mobile").substr(0, 40));
    view.data.set("email", form.text("email").substr(0, 254));
    view.status = 422;
    return site.render(request, site.signedIn(request), std::move(view));
}

}  // namespace

void addContactPages(Router& router, Site& site) {
    site.get(router, "/track/{token}/contact",
             [&site](Request& r) { return showContact(site, r); });
    site.post(router, "/track/{token}/contact",
              [&site](Request& r, const FormFields& f) { return changeContact(site, r, f); });
    site.post(router, "/track/{token}/key-safe/withdraw",
              [&site](Request& r, const FormFields&) { return withdrawKeySafe(site, r); });
}

}  // namespace ces::web
