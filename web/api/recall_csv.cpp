#include "web/api/recall_csv.h"

#include "core/csv.h"

namespace ces::web {

namespace {

std::string dateText(const std::optional<std::chrono::year_month_day>& date) {
    return date ? formatDate(*date) : "";
}

// A file name from the reference: letters, digits and dashes only.
std::string fileNameOf(const std::string& reference) {
    std::string name = "recall-";
    for (const char ch : reference) {
        const bool plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                           (ch >= '0' && ch <= '9') || ch == '-';
        name.push_back(plain ? ch : '-');
    }
    return name + ".csv";
}

}  // namespace

Response recallUnitsCsv(const std::string& reference,
                        const std::vector<store::RecallUnitRow>& units) {
    std::string csv =
        "barcode,item_code,made_on,batch,found_where,found_state,depot,district,visit_id,"
        "visit_status,visit_due,resolution,resolved_at,replacement\r\n";
    for (const auto& u : units) {
        appendCsvRecord(
            csv,
            {u.barcode, u.itemCode, dateText(u.madeOn), u.batch.value_or(""), u.place, u.foundState,
             u.depotCode, u.district, u.visit ? std::to_string(u.visit->value()) : std::string(),
             u.visitStatus, dateText(u.visitDue), u.resolution,
             u.resolvedAt ? formatInstant(*u.resolvedAt) : std::string(), u.replacement});
    }
    return csvDownload(fileNameOf(reference), std::move(csv));
}

}  // namespace ces::web
