#pragma once
// The requests the integration tests make again and again, written once against API.md:
// residents, orders, stock levels, and the test data they need (valid NHS numbers, dates).
#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/nhs_number.h"
#include "harness.h"

namespace ces::integration {

/// Valid NHS numbers (modulus-11 check digit), unique within a test: they count up from a
/// random start, so they do not meet the numbers of the demo's residents.
class NhsNumbers {
  public:
    NhsNumbers();
    std::string next();  ///< Thread-safe.

  private:
    std::mutex mutex_;
    std::uint64_t next_nine_digits_;
};

using ces::nhsCheckDigit;  // the service's own: nullopt when no valid number has the nine digits

/// The fields of POST /api/v1/residents.
struct ResidentDetails {
    std::string nhs_number;
    std::string name;
    std::string date_of_birth;
    std::string address_line1;
    std::string town;
    std::string postcode;
    std::string phone;
    std::string access_notes;
};

/// A plausible resident at `postcode` with the next NHS number.
ResidentDetails residentAt(const std::string& postcode, NhsNumbers& numbers);
Poco::JSON::Object::Ptr residentJson(const ResidentDetails& resident);

/// What POST /api/v1/residents answered with 201.
struct CreatedResident {
    Poco::Dynamic::Var id;
    std::string district;
};

/// Creates a resident as `prescriber`; fails the test unless the answer is 201.
CreatedResident createResident(HttpClient& prescriber, const ResidentDetails& resident);

struct OrderLine {
    std::string item_code;
    int quantity = 1;
};

/// The body of POST /api/v1/orders, with no specials.
Poco::JSON::Object::Ptr orderJson(const Poco::Dynamic::Var& resident_id, const std::string& speed,
                                  const std::vector<OrderLine>& lines);

/// What POST /api/v1/orders answered with 201.
struct CreatedOrder {
    std::string reference;
    std::string status;
    Poco::Dynamic::Var due_by;
    std::string tracking_token;
};

/// Places an order as `prescriber`; fails the test unless the answer is 201.
CreatedOrder createOrder(HttpClient& prescriber, const Poco::Dynamic::Var& resident_id,
                         const std::vector<OrderLine>& lines, const std::string& speed = "5_day");

/// One item's levels at one depot (GET /api/v1/stock).
struct StockLevel {
    long available = 0;
    long reserved = 0;
    long on_loan = 0;
};
/// depot code -> item code -> levels.
using StockByDepot = std::map<std::string, std::map<std::string, StockLevel>>;

StockByDepot readStock(HttpClient& warehouse);
/// Levels of one item at one depot; zero levels when the depot does not list the item.
StockLevel stockAt(HttpClient& warehouse, const std::string& depot, const std::string& item_code);
/// POST /api/v1/stock/receipts of one line; fails the test unless the answer is 201. Answers
/// the barcodes given (serialised items).
std::vector<std::string> receiveStock(HttpClient& warehouse, const std::string& depot,
                                      const std::string& item_code, long quantity);
/// POST /api/v1/stock/adjustments; fails the test unless the answer is 201.
void adjustStock(HttpClient& warehouse, const std::string& depot, const std::string& item_code,
                 long delta);
/// Ready for a write load: ample stock of the walking aids load tests order (KCE-MOB-006 and
/// KCE-MOB-004 at WKD) and `writers` new residents of the prescriber's team, one per writer.
std::vector<CreatedResident> prepareWriteLoad(const DemoCounty& county, int writers);
/// Adjusts so that `available` becomes `target` (reads the current level first).
void setAvailable(HttpClient& warehouse, const std::string& depot, const std::string& item_code,
                  long target);

/// GET /api/v1/orders{query}: the listed orders; fails the test unless the answer is 200.
std::vector<Poco::JSON::Object::Ptr> listOrders(HttpClient& client, const std::string& query = "");
/// How many listed orders belong to the resident.
std::size_t countOrdersFor(HttpClient& client, const Poco::Dynamic::Var& resident_id);

/// The admin gives every van at `depot` overtime: their shifts end at `shiftEnd` (HH:MM).
void extendShifts(HttpClient& admin, const std::string& depot, const std::string& shiftEnd);

/// How many times background job `name` has finished (runs and failures), as the admin sees.
int timesFinished(HttpClient& admin, const std::string& name);
/// Job `name`'s JSON once it has finished more than `finishedBefore` times; null after a minute.
Poco::JSON::Object::Ptr jobAfterRun(HttpClient& admin, const std::string& name, int finishedBefore);
/// Asks for background job `name` to run now (admin) and waits until it has finished once more
/// (run or failed); answers the job's JSON then, or null after a minute.
Poco::JSON::Object::Ptr runJobNow(HttpClient& admin, const std::string& name);

/// Today in UTC plus `days`, as YYYY-MM-DD.
std::string isoDateFromToday(int days);

/// A JSON array field of an object as a vector of objects (empty when absent or null).
std::vector<Poco::JSON::Object::Ptr> objectsIn(const Poco::JSON::Object::Ptr& object,
                                               const std::string& key);

}  // namespace ces::integration
