// bench_notifications [--messages N] [--runs R]: a county-day of messages (2,000 by default)
// written to the outbox of a temporary SQLite store and drained by the service's sender to a
// real local SMTP server (aiosmtpd), then a quarter as many texts through the GOV.UK Notify
// stand-in. The reference, measured in the same run, is the channel alone sending the same
// number without the outbox. Prints medians of R runs; target: the county-day in 60 s.
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "core/store/infrastructure/database.h"
#include "core/store/messages/outbox.h"
#include "notify/outbox_sender.h"

using namespace ces;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
const std::string kSecret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
const std::string kTemplate = "f33517ff-2a88-4f6e-b855-c550268ce08a";

/// A neighbour server started for the bench; killed on destruction.
struct Neighbour {
    Poco::Pipe out;
    Poco::ProcessHandle handle;
    int port = 0;
    Neighbour(const std::string& script, std::vector<std::string> args)
        : handle(Poco::Process::launch(
              "/usr/bin/python3",
              [&] {
                  args.insert(args.begin(),
                              std::string(CES_SOURCE_DIR) + "/tests/neighbours/" + script);
                  return args;
              }(),
              nullptr, &out, nullptr)) {
        Poco::PipeInputStream in(out);
        std::string line;
        std::getline(in, line);
        if (!line.starts_with("listening on ")) throw std::runtime_error(script + " did not start");
        port = std::stoi(line.substr(13));
    }
    ~Neighbour() { Poco::Process::kill(handle); }
};

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

Instant now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

/// Writes `count` morning-of messages to the outbox, as a day's plan would.
void queue(store::Database& db, int count, store::MessageChannel channel, int first) {
    db.write([&](store::Connection& c) {
        for (int i = 0; i < count; ++i) {
            store::OutboxMessage m;
            m.channel = channel;
            m.kind = "visit_today";
            m.recipient = channel == store::MessageChannel::email
                              ? "resident" + std::to_string(first + i) + "@example.org"
                              : "07700 900123";  // not one the stand-in refuses
            m.entity = "bench";
            m.entityId = std::to_string(first + i);
            m.fields =
                "{\"name\":\"Margaret Smith\",\"resident\":\"Margaret Smith\",\"reference\":"
                "\"ORD-2026-000123\",\"link\":\"/track/07ea0000007bffffffffffffffffffffffffffffff"
                "\",\"team_phone\":\"01622 123456\",\"date\":\"2026-12-07\",\"from\":\"10:00\","
                "\"to\":\"11:00\",\"is_delivery\":true}";
            store::queueMessage(c, m, now());
        }
        return 0;
    });
}

/// Drains until nothing is due; answers the seconds it took.
double drain(notify::OutboxSender& sender, int expected) {
    const auto start = Clock::now();
    int sent = 0;
    while (sent < expected) {
        const auto report = sender.drainOnce();
        sent += report.sent;
        if (report.claimed == 0) break;
    }
    if (sent != expected) std::cerr << "only " << sent << " of " << expected << " were sent\n";
    return secondsSince(start);
}

}  // namespace

int main(int argc, char** argv) {
    int messages = 2000;
    int runs = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--messages") {
            messages = std::stoi(argv[i + 1]);
        } else if (option == "--runs") {
            runs = std::stoi(argv[i + 1]);
        } else {
            std::cerr << "usage: bench_notifications [--messages N] [--runs R]\n";
            return 2;
        }
    }
    const auto dir =
        std::filesystem::temp_directory_path() / ("ces-bench-notify-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    Neighbour smtp("smtp_sink.py", {"--log", (dir / "mail.jsonl").string()});
    Neighbour notifyServer("fake_notify.py",
                           {"--service-id", kServiceId, "--secret", kSecret, "--template-id",
                            kTemplate, "--log", (dir / "texts.jsonl").string()});
    const notify::MessageTemplates templates(notify::messageTemplatesDirectory());
    const notify::SmtpSettings smtpSettings =
        notify::parseSmtpUrl("smtp://127.0.0.1:" + std::to_string(smtp.port), "bench@example.org");
    const notify::NotifySettings notifySettings{
        "http://127.0.0.1:" + std::to_string(notifyServer.port),
        "bench-" + kServiceId + "-" + kSecret, kTemplate};
    const int texts = std::max(1, messages / 4);
    std::cout << "bench_notifications: " << messages << " e-mails and " << texts << " texts a run, "
              << runs << " runs, on " << std::thread::hardware_concurrency() << " cores"
              << std::endl;

    std::vector<double> channelMail, outboxMail, channelText, outboxText;
    int next = 0;
    for (int run = 0; run < runs; ++run) {
        // The reference: the channels alone.
        {
            notify::SmtpChannel channel(smtpSettings);
            const auto start = Clock::now();
            for (int i = 0; i < messages; ++i) {
                channel.send({"resident" + std::to_string(i) + "@example.org", "Reference", "Hello",
                              "bench-" + std::to_string(next++) + "@example.org"});
            }
            channel.close();
            channelMail.push_back(secondsSince(start));
            notify::GovNotifyChannel text(notifySettings);
            const auto textStart = Clock::now();
            for (int i = 0; i < texts; ++i) {
                text.sendSms("07700 900123", "Hello", "bench-" + std::to_string(next++));
            }
            channelText.push_back(secondsSince(textStart));
        }
        // The service: the outbox of a SQLite store drained by the sender.
        const auto file = dir / ("run" + std::to_string(run) + ".db");
        store::Database db(file.string(), 2);
        notify::SenderSettings settings;
        settings.batch = 200;
        notify::OutboxSender sender(db, templates, settings, now);
        sender.useEmail(std::make_unique<notify::SmtpChannel>(smtpSettings));
        queue(db, messages, store::MessageChannel::email, 0);
        outboxMail.push_back(drain(sender, messages));
        notify::OutboxSender textSender(db, templates, settings, now);
        textSender.useText(std::make_unique<notify::GovNotifyChannel>(notifySettings));
        queue(db, texts, store::MessageChannel::text, messages);
        outboxText.push_back(drain(textSender, texts));
    }
    const auto line = [](const char* what, int count, double outbox, double channel) {
        std::printf(
            "%-34s %6d in %6.2f s = %7.0f/s; the channel alone %6.2f s = %7.0f/s; "
            "ratio %.2f\n",
            what, count, outbox, count / outbox, channel, count / channel, outbox / channel);
    };
    line("e-mail, outbox -> SMTP (median)", messages, median(outboxMail), median(channelMail));
    line("texts, outbox -> Notify (median)", texts, median(outboxText), median(channelText));
    const double dayMail = median(outboxMail) * 2000.0 / messages;
    std::printf("a county-day of 2,000 e-mails drains in %.1f s (target 60 s): %s\n", dayMail,
                dayMail <= 60 ? "met" : "NOT met");
    std::filesystem::remove_all(dir);
    return 0;
}
