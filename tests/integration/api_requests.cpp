#include "api_requests.h"

#include <Poco/JSON/Array.h>
#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <random>
#include <thread>

namespace ces::integration {
namespace {

constexpr std::uint64_t kFirstNineDigits = 100'000'000;  // NHS numbers have no leading zero here
constexpr std::uint64_t kNineDigitSpan = 800'000'000;

std::string fieldText(const Poco::Dynamic::Var& value) {
    return value.isEmpty() ? std::string() : value.toString();
}

}  // namespace

NhsNumbers::NhsNumbers() {
    std::random_device device;
    std::uniform_int_distribution<std::uint64_t> start(0, kNineDigitSpan - 1);
    next_nine_digits_ = kFirstNineDigits + start(device);
}

std::string NhsNumbers::next() {
    std::lock_guard lock(mutex_);
    for (;;) {
        const std::string nine = std::to_string(next_nine_digits_++);
        if (const auto check = nhsCheckDigit(nine)) return nine + std::to_string(*check);
    }
}

ResidentDetails residentAt(const std::string& postcode, NhsNumbers& numbers) {
    ResidentDetails resident;
    resident.nhs_number = numbers.next();
    resident.name = "Test Resident " + resident.nhs_number.substr(6);
    resident.date_of_birth = "1942-03-15";
    resident.address_line1 = "1 High Street";
    resident.town = "Kent";
    resident.postcode = postcode;
    resident.phone = "01622 000000";
    resident.access_notes = "Key safe by the door";
    return resident;
}

Poco::JSON::Object::Ptr residentJson(const ResidentDetails& resident) {
    return jsonObject({{"nhs_number", resident.nhs_number},
                       {"name", resident.name},
                       {"date_of_birth", resident.date_of_birth},
                       {"address_line1", resident.address_line1},
                       {"town", resident.town},
                       {"postcode", resident.postcode},
                       {"phone", resident.phone},
                       {"access_notes", resident.access_notes}});
}

CreatedResident createResident(HttpClient& prescriber, const ResidentDetails& resident) {
    const Response response = prescriber.post("/api/v1/residents", residentJson(resident));
    INFO(response.describe());
    REQUIRE(response.status == 201);
    const auto body = response.object();
    return {body->get("id"), body->getValue<std::string>("district")};
}

Poco::JSON::Object::Ptr orderJson(const Poco::Dynamic::Var& resident_id, const std::string& speed,
                                  const std::vector<OrderLine>& lines) {
    Poco::JSON::Array::Ptr line_array = new Poco::JSON::Array;
    for (const auto& line : lines) {
        line_array->add(jsonObject({{"item_code", line.item_code}, {"quantity", line.quantity}}));
    }
    return jsonObject({{"resident_id", resident_id},
                       {"speed", speed},
                       {"lines", line_array},
                       {"specials", jsonArray({})},
                       {"notes", "integration test"}});
}

CreatedOrder createOrder(HttpClient& prescriber, const Poco::Dynamic::Var& resident_id,
                         const std::vector<OrderLine>& lines, const std::string& speed) {
    const Response response =
        prescriber.post("/api/v1/orders", orderJson(resident_id, speed, lines));
    INFO(response.describe());
    REQUIRE(response.status == 201);
    const auto body = response.object();
    CreatedOrder order;
    order.reference = body->getValue<std::string>("reference");
    order.status = body->getValue<std::string>("status");
    order.due_by = body->get("due_by");
    order.tracking_token = body->has("tracking_token") && !body->isNull("tracking_token")
                               ? body->getValue<std::string>("tracking_token")
                               : "";
    return order;
}

StockByDepot readStock(HttpClient& warehouse) {
    const Response response = warehouse.get("/api/v1/stock");
    INFO(response.describe());
    REQUIRE(response.status == 200);
    StockByDepot stock;
    for (const auto& depot : objectsIn(response.object(), "depots")) {
        auto& items = stock[depot->getValue<std::string>("code")];
        for (const auto& item : objectsIn(depot, "items")) {
            StockLevel level;
            level.available = item->getValue<long>("available");
            level.reserved = item->getValue<long>("reserved");
            level.on_loan = item->has("on_loan") ? item->getValue<long>("on_loan") : 0;
            items[item->getValue<std::string>("item_code")] = level;
        }
    }
    return stock;
}

StockLevel stockAt(HttpClient& warehouse, const std::string& depot, const std::string& item_code) {
    const StockByDepot stock = readStock(warehouse);
    const auto found_depot = stock.find(depot);
    if (found_depot == stock.end()) return {};
    const auto found_item = found_depot->second.find(item_code);
    return found_item == found_depot->second.end() ? StockLevel{} : found_item->second;
}

void adjustStock(HttpClient& warehouse, const std::string& depot, const std::string& item_code,
                 long delta) {
    const Response response =
        warehouse.post("/api/v1/stock/adjustments", jsonObject({{"depot", depot},
                                                                {"item_code", item_code},
                                                                {"delta", delta},
                                                                {"reason", "integration test"}}));
    INFO(response.describe());
    REQUIRE(response.status == 201);
}

std::vector<std::string> receiveStock(HttpClient& warehouse, const std::string& depot,
                                      const std::string& item_code, long quantity) {
    const Response response =
        warehouse.post("/api/v1/stock/receipts",
                       jsonObject({{"depot", depot},
                                   {"supplier", "Integration Test Supplies"},
                                   {"supplier_reference", "IT-" + item_code},
                                   {"lines", jsonArray({jsonObject({{"item_code", item_code},
                                                                    {"quantity", quantity}})})}}));
    INFO(response.describe());
    REQUIRE(response.status == 201);
    std::vector<std::string> barcodes;
    const auto line = response.object()->getArray("lines")->getObject(0);
    const auto given = line->getArray("barcodes");
    for (std::size_t i = 0; i < given->size(); ++i)
        barcodes.push_back(given->getElement<std::string>(i));
    return barcodes;
}

void setAvailable(HttpClient& warehouse, const std::string& depot, const std::string& item_code,
                  long target) {
    const long delta = target - stockAt(warehouse, depot, item_code).available;
    if (delta != 0) adjustStock(warehouse, depot, item_code, delta);
    REQUIRE(stockAt(warehouse, depot, item_code).available == target);
}

std::vector<Poco::JSON::Object::Ptr> listOrders(HttpClient& client, const std::string& query) {
    const Response response = client.get("/api/v1/orders" + query);
    INFO(response.describe());
    REQUIRE(response.status == 200);
    return objectsIn(response.object(), "orders");
}

std::size_t countOrdersFor(HttpClient& client, const Poco::Dynamic::Var& resident_id) {
    std::size_t count = 0;
    for (const auto& order : listOrders(client)) {
        if (fieldText(order->get("resident_id")) == fieldText(resident_id)) ++count;
    }
    return count;
}

void extendShifts(HttpClient& admin, const std::string& depot, const std::string& shiftEnd) {
    const Response vans = admin.get("/api/v1/vans");
    REQUIRE(vans.status == 200);
    int extended = 0;
    for (auto van : objectsIn(vans.object(), "vans")) {
        if (van->getValue<std::string>("depot_code") != depot) continue;
        van->set("shift_end", shiftEnd);
        const auto code = van->getValue<std::string>("code");
        const Response changed = admin.send("PATCH", "/api/v1/vans/" + code, toJson(van), {});
        INFO(changed.describe());
        REQUIRE(changed.status == 200);
        ++extended;
    }
    REQUIRE_MESSAGE(extended > 0, "no van at depot " << depot);
}

namespace {

Poco::JSON::Object::Ptr listedJob(HttpClient& admin, const std::string& name) {
    const Response list = admin.get("/api/v1/jobs");
    REQUIRE(list.status == 200);
    for (const auto& job : objectsIn(list.object(), "jobs")) {
        if (job->getValue<std::string>("name") == name) return job;
    }
    FAIL("no job " << name);
    return nullptr;
}

int finished(const Poco::JSON::Object::Ptr& job) {
    return job->getValue<int>("runs") + job->getValue<int>("failures");
}

}  // namespace

int timesFinished(HttpClient& admin, const std::string& name) {
    return finished(listedJob(admin, name));
}

Poco::JSON::Object::Ptr jobAfterRun(HttpClient& admin, const std::string& name,
                                    int finishedBefore) {
    for (int tries = 0; tries < 120; ++tries) {
        auto job = listedJob(admin, name);
        if (finished(job) > finishedBefore) return job;
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    return nullptr;
}

Poco::JSON::Object::Ptr runJobNow(HttpClient& admin, const std::string& name) {
    const int before = timesFinished(admin, name);
    const Response asked = admin.post("/api/v1/jobs/" + name + "/run", "{}");
    INFO(asked.describe());
    REQUIRE(asked.status == 202);
    return jobAfterRun(admin, name, before);
}

std::string isoDateFromToday(int days) {
    const auto when = std::chrono::system_clock::now() + std::chrono::hours(24 * days);
    const std::time_t time = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

std::vector<Poco::JSON::Object::Ptr> objectsIn(const Poco::JSON::Object::Ptr& object,
                                               const std::string& key) {
    std::vector<Poco::JSON::Object::Ptr> objects;
    if (!object->has(key) || object->isNull(key)) return objects;
    const auto array = object->getArray(key);
    for (std::size_t i = 0; i < array->size(); ++i) objects.push_back(array->getObject(i));
    return objects;
}

std::vector<CreatedResident> prepareWriteLoad(const DemoCounty& county, int writers) {
    HttpClient warehouse = county.signIn("warehouse");
    adjustStock(warehouse, "WKD", "KCE-MOB-006", 100'000);
    adjustStock(warehouse, "WKD", "KCE-MOB-004", 100'000);
    HttpClient prescriber = county.signIn("prescriber");
    NhsNumbers numbers;
    std::vector<CreatedResident> residents;
    for (int i = 0; i < writers; ++i) {
        residents.push_back(createResident(prescriber, residentAt("ME14 1AD", numbers)));
    }
    return residents;
}

}  // namespace ces::integration
