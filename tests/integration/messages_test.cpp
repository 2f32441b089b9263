// Messages through real channels: a real SMTP server (aiosmtpd) and a GOV.UK Notify stand-in that
// checks requests as Notify's documentation says, both started here; the server's sender drains
// the outbox to them.
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <thread>

#include "api_requests.h"
#include "harness.h"

#ifndef CES_NEIGHBOURS_DIR
#error "CES_NEIGHBOURS_DIR must name tests/neighbours"
#endif

using namespace ces::integration;

namespace {

const std::string kServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
const std::string kSecret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
const std::string kTemplateId = "f33517ff-2a88-4f6e-b855-c550268ce08a";
const std::string kMailFrom = "equipment@kent.example";

/// A neighbour server (Python, Debian's interpreter) started for one test and killed after it.
struct Neighbour {
    TempDir dir;
    std::string log = dir.file("received.jsonl");
    std::unique_ptr<ChildProcess> process;
    int port = 0;

    Neighbour(const std::string& script, std::vector<std::string> args) {
        args.insert(args.begin(), {std::string(CES_NEIGHBOURS_DIR) + "/" + script, "--log", log});
        process = std::make_unique<ChildProcess>("/usr/bin/python3", args);
        const auto line = process->waitForLine("listening on ", 20'000);
        const std::string why = script + " did not start: " + process->log();
        REQUIRE_MESSAGE(line.has_value(), why);
        port = std::stoi(line->substr(std::string("listening on ").size()));
    }

    /// Every JSON line received so far.
    std::vector<Poco::JSON::Object::Ptr> received() const {
        std::vector<Poco::JSON::Object::Ptr> lines;
        std::ifstream in(log);
        for (std::string line; std::getline(in, line);) {
            if (line.empty()) continue;
            Poco::JSON::Parser parser;
            lines.push_back(parser.parse(line).extract<Poco::JSON::Object::Ptr>());
        }
        return lines;
    }
};

struct SmtpSink : Neighbour {
    SmtpSink() : Neighbour("smtp_sink.py", {}) {}
    std::vector<Poco::JSON::Object::Ptr> mailTo(const std::string& address) const {
        std::vector<Poco::JSON::Object::Ptr> found;
        for (const auto& mail : received()) {
            const auto to = mail->getArray("rcpt_tos");
            if (to->size() == 1 && to->getElement<std::string>(0) == address) found.push_back(mail);
        }
        return found;
    }
};

struct FakeNotify : Neighbour {
    FakeNotify()
        : Neighbour("fake_notify.py", {"--service-id", kServiceId, "--secret", kSecret,
                                       "--template-id", kTemplateId}) {}
    /// The requests for one phone number, with the status answered.
    std::vector<Poco::JSON::Object::Ptr> textsTo(const std::string& number) const {
        std::vector<Poco::JSON::Object::Ptr> found;
        for (const auto& entry : received()) {
            const auto request = entry->getObject("request");
            if (request && request->optValue<std::string>("phone_number", "") == number) {
                found.push_back(entry);
            }
        }
        return found;
    }
};

std::vector<std::string> channelArgs(const SmtpSink& smtp, const FakeNotify& notify) {
    return {"--smtp-url",
            "smtp://127.0.0.1:" + std::to_string(smtp.port),
            "--mail-from",
            kMailFrom,
            "--notify-url",
            "http://127.0.0.1:" + std::to_string(notify.port),
            "--notify-key",
            "ces_test-" + kServiceId + "-" + kSecret,
            "--notify-template",
            kTemplateId,
            "--outbox-interval-ms",
            "100",
            "--outbox-retry-seconds",
            "1"};
}

bool eventually(const std::function<bool()>& done, int timeout_ms = 20'000) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < until) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return done();
}

/// A resident with these contact fields; answers the id.
Poco::Dynamic::Var residentWith(
    HttpClient& prescriber, NhsNumbers& numbers,
    std::initializer_list<std::pair<std::string, std::string>> contact) {
    auto body = residentJson(residentAt("CT1 2AA", numbers));
    for (const auto& [name, value] : contact) body->set(name, value);
    const Response created = prescriber.post("/api/v1/residents", body);
    INFO(created.describe());
    REQUIRE(created.status == 201);
    return created.object()->get("id");
}

/// The outbox messages (as the admin's API lists them) about this order.
std::vector<Poco::JSON::Object::Ptr> messagesAbout(HttpClient& admin,
                                                   const std::string& reference) {
    std::vector<Poco::JSON::Object::Ptr> found;
    const Response listed = admin.get("/api/v1/outbox?limit=200");
    REQUIRE(listed.status == 200);
    const auto messages = listed.object()->getArray("messages");
    for (std::size_t i = 0; i < messages->size(); ++i) {
        const auto m = messages->getObject(static_cast<unsigned>(i));
        if (m->getValue<std::string>("entity_id") == reference) found.push_back(m);
    }
    return found;
}

struct MessagingCounty {
    SmtpSink smtp;
    FakeNotify notify;
    DemoCounty county{{.threads = 0, .roadGraph = {}, .extraArgs = channelArgs(smtp, notify)}};
    NhsNumbers numbers;
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient admin = county.signIn("admin");

    MessagingCounty() {
        HttpClient warehouse = county.signIn("warehouse");
        adjustStock(warehouse, "EKD", "KCE-MOB-002", 20);
    }
    CreatedOrder orderFor(const Poco::Dynamic::Var& resident) {
        return createOrder(prescriber, resident, {{"KCE-MOB-002", 1}});
    }
};

}  // namespace

TEST_CASE("a resident hears of their order by e-mail through a real SMTP server, in Polish") {
    MessagingCounty m;
    const auto resident = residentWith(m.prescriber, m.numbers,
                                       {{"email", "anna.nowak@example.org"}, {"language", "pl"}});
    const CreatedOrder order = m.orderFor(resident);
    REQUIRE(eventually([&] { return !m.smtp.mailTo("anna.nowak@example.org").empty(); }));
    const auto mail = m.smtp.mailTo("anna.nowak@example.org").front();
    CHECK(mail->getValue<std::string>("mail_from") == kMailFrom);
    CHECK(mail->getValue<std::string>("subject") == "Twoje zamówienie sprzętu " + order.reference);
    const std::string body = mail->getValue<std::string>("body");
    CHECK(body.find("Numer zamówienia: " + order.reference) != std::string::npos);
    CHECK(body.find("/track/" + order.tracking_token) != std::string::npos);
    const std::string id = mail->getValue<std::string>("message_id");
    CHECK(std::regex_match(id, std::regex("<ces-[0-9]+@kent\\.example>")));
    // The outbox keeps what went, marked sent.
    REQUIRE(eventually([&] {
        const auto about = messagesAbout(m.admin, order.reference);
        return about.size() == 1 && about.front()->getValue<std::string>("status") == "sent";
    }));
    const auto sent = messagesAbout(m.admin, order.reference).front();
    CHECK(sent->getValue<std::string>("channel") == "email");
    CHECK(sent->getValue<std::string>("kind") == "order_placed");
    CHECK(sent->getValue<std::string>("subject") == "Twoje zamówienie sprzętu " + order.reference);
}

TEST_CASE(
    "texts go through GOV.UK Notify with a signed token - a refused number is shown and a "
    "busy Notify is tried again") {
    MessagingCounty m;
    const auto ok = m.orderFor(residentWith(m.prescriber, m.numbers, {{"mobile", "07700 900123"}}));
    const auto refused =
        m.orderFor(residentWith(m.prescriber, m.numbers, {{"mobile", "07700 900400"}}));
    const auto busy =
        m.orderFor(residentWith(m.prescriber, m.numbers, {{"mobile", "07700 900429"}}));

    REQUIRE(eventually([&] { return !m.notify.textsTo("07700 900123").empty(); }));
    const auto text = m.notify.textsTo("07700 900123").front();
    CHECK(text->getValue<int>("status") == 201);  // the token and the request passed its checks
    const auto request = text->getObject("request");
    CHECK(request->getValue<std::string>("template_id") == kTemplateId);
    CHECK(request->getValue<std::string>("reference").starts_with("ces-"));
    const std::string words = request->getObject("personalisation")->getValue<std::string>("body");
    CHECK(words.find(ok.reference) != std::string::npos);
    CHECK(words.find("/track/" + ok.tracking_token) != std::string::npos);

    REQUIRE(eventually([&] {
        const auto about = messagesAbout(m.admin, refused.reference);
        return !about.empty() && about.front()->getValue<std::string>("status") == "failed";
    }));
    const auto failed = messagesAbout(m.admin, refused.reference).front();
    CHECK(failed->getValue<std::string>("last_error").find("400") != std::string::npos);
    const Response failedList = m.admin.get("/api/v1/outbox?status=failed");
    CHECK(failedList.object()->getValue<int>("failed") >= 1);

    REQUIRE(eventually([&] {
        const auto about = messagesAbout(m.admin, busy.reference);
        return !about.empty() && about.front()->getValue<std::string>("status") == "sent";
    }));
    CHECK(messagesAbout(m.admin, busy.reference).front()->getValue<int>("attempts") == 2);
    const auto tries = m.notify.textsTo("07700 900429");
    REQUIRE(tries.size() == 2);
    CHECK(tries[0]->getValue<int>("status") == 429);
    CHECK(tries[1]->getValue<int>("status") == 201);
}

TEST_CASE("a resident who chose no messages gets none - a new channel takes effect for the next") {
    MessagingCounty m;
    const auto resident = residentWith(
        m.prescriber, m.numbers, {{"email", "quiet@example.org"}, {"contact_channel", "none"}});
    const auto first = m.orderFor(resident);
    CHECK(messagesAbout(m.admin, first.reference).empty());
    const Response changed =
        m.prescriber.send("PATCH", "/api/v1/residents/" + resident.toString(),
                          toJson(jsonObject({{"contact_channel", "email"}})), {});
    INFO(changed.describe());
    REQUIRE(changed.status == 200);
    CHECK(changed.object()->getValue<std::string>("contact_channel") == "email");
    const auto second = m.orderFor(resident);
    REQUIRE(eventually([&] { return m.smtp.mailTo("quiet@example.org").size() == 1; }));
    CHECK(m.smtp.mailTo("quiet@example.org")
              .front()
              ->getValue<std::string>("subject")
              .find(second.reference) != std::string::npos);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK(m.smtp.mailTo("quiet@example.org").size() == 1);
}

TEST_CASE("contact details that cannot work are refused by name") {
    DemoCounty county;
    NhsNumbers numbers;
    HttpClient prescriber = county.signIn("prescriber");
    const auto post = [&](std::initializer_list<std::pair<std::string, std::string>> contact) {
        auto body = residentJson(residentAt("CT1 2AA", numbers));
        for (const auto& [name, value] : contact) body->set(name, value);
        return prescriber.post("/api/v1/residents", body);
    };
    checkError(post({{"contact_channel", "pigeon"}}), 400, "bad_request", "contact_channel");
    checkError(post({{"language", "fr"}}), 400, "bad_request", "language");
    checkError(post({{"contact_channel", "text"}}), 422, "validation", "mobile");
    checkError(post({{"mobile", "01622 123456"}}), 422, "validation", "mobile");
    checkError(post({{"email", "not an address"}}), 422, "validation", "email");
    checkError(post({{"contact_relationship", "daughter"}}), 422, "validation", "contact_name");
    const Response carer = post({{"contact_name", "Jane Smith"},
                                 {"contact_relationship", "daughter"},
                                 {"email", "jane@example.org"}});
    INFO(carer.describe());
    CHECK(carer.status == 201);
}

TEST_CASE("killing the server while it sends loses no message and each goes with one id") {
    SmtpSink smtp;
    DemoDatabase database;
    constexpr int kMessages = 200;
    // Only this test's messages go: the demo county's own wait where they are.
    runSql(database.location(),
           "UPDATE outbox SET cancelled_at = '2026-01-05T09:00:00Z' WHERE sent_at IS NULL;");
    runSql(database.location(),
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
               std::to_string(kMessages) +
               ") INSERT INTO outbox (created_at, recipient, subject, body, entity, entity_id) "
               "SELECT '2026-01-05T09:00:00Z', 'person' || i || '@example.org', 'Test ' || i, "
               "'Hello', 'test', CAST(i AS TEXT) FROM n;");
    const std::vector<std::string> args = {"--smtp-url",
                                           "smtp://127.0.0.1:" + std::to_string(smtp.port),
                                           "--mail-from",
                                           kMailFrom,
                                           "--outbox-interval-ms",
                                           "50",
                                           "--outbox-lease-seconds",
                                           "2",
                                           "--outbox-retry-seconds",
                                           "1"};
    {
        CesServer first(database.location(), {.threads = 0, .roadGraph = {}, .extraArgs = args});
        REQUIRE(eventually([&] { return smtp.received().size() >= 30; }));
        first.killHard();
    }
    const std::size_t beforeKill = smtp.received().size();
    CHECK(beforeKill < static_cast<std::size_t>(kMessages));
    CesServer second(database.location(), {.threads = 0, .roadGraph = {}, .extraArgs = args});
    std::set<std::string> ids;
    const bool all = eventually(
        [&] {
            ids.clear();
            for (const auto& mail : smtp.received())
                ids.insert(mail->getValue<std::string>("message_id"));
            return ids.size() == static_cast<std::size_t>(kMessages);
        },
        60'000);
    if (!all) {
        MESSAGE("received "
                << smtp.received().size() << " mails, " << ids.size() << " ids; unsent: "
                << runSql(database.location(),
                          "SELECT id, attempts, next_attempt_at, last_error, failed_at FROM outbox "
                          "WHERE entity = 'test' AND sent_at IS NULL LIMIT 5")
                       .output
                << "\nserver log:\n"
                << second.log());
    }
    REQUIRE(all);
    // At most the one message in flight at the kill goes twice, with the same Message-ID (a
    // reader's mail program shows it once).
    CHECK(smtp.received().size() <= static_cast<std::size_t>(kMessages) + 1);
    // The last send is marked just after the sink has it.
    CHECK(eventually([&] {
        return firstSqlValue(database.location(),
                             "SELECT COUNT(*) FROM outbox WHERE entity = "
                             "'test' AND sent_at IS NULL") == "0";
    }));
}

TEST_CASE("a prescriber hears by e-mail, once, the day a special they ordered is late") {
    SmtpSink smtp;
    FakeNotify notify;
    // Nine weeks on, every special the demo county has on order is past its eight weeks.
    auto args = channelArgs(smtp, notify);
    args.insert(args.end(), {"--clock-from", isoDateFromToday(63) + "T10:00:00Z"});
    DemoCounty county{{.threads = 0, .roadGraph = {}, .extraArgs = args}};
    HttpClient warehouse = county.signIn("warehouse");
    const Response listed = warehouse.get("/api/v1/specials?breached=true&limit=100");
    REQUIRE(listed.status == 200);
    std::set<std::string> late;
    const auto specials = listed.object()->getArray("specials");
    for (std::size_t i = 0; i < specials->size(); ++i) {
        const auto s = specials->getObject(static_cast<unsigned>(i));
        if (s->isNull("received_at")) late.insert(s->getValue<std::string>("order_reference"));
    }
    REQUIRE_FALSE(late.empty());
    const auto lateMail = [&] {
        std::multiset<std::string> told;
        for (const auto& mail : smtp.received()) {
            const auto subject = mail->getValue<std::string>("subject");
            if (subject.find(" is late: not at the warehouse") == std::string::npos) continue;
            for (const auto& reference : late) {
                if (subject.find(reference) != std::string::npos) told.insert(reference);
            }
            const auto to = mail->getArray("rcpt_tos")->getElement<std::string>(0);
            CHECK(to.ends_with("@kent-ces.example"));  // a prescriber, never the resident
        }
        return told;
    };
    CHECK(eventually([&] { return lateMail().size() >= late.size(); }));
    // A restart looks again at once: no one is told twice.
    county.restart();
    HttpClient admin = county.signIn("admin");
    CHECK(admin.get("/api/v1/outbox?limit=1").status == 200);
    std::this_thread::sleep_for(std::chrono::seconds(2));
    const auto told = lateMail();
    for (const auto& reference : late) {
        CAPTURE(reference);
        CHECK(told.count(reference) == 1);
    }
}
