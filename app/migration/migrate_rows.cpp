#include "app/migration/migrate_rows.h"

#include <charconv>

#include "core/errors.h"
#include "core/postcode.h"
#include "core/store/admin/geography.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/orders/migrated_orders.h"
#include "core/store/residents/legacy_records.h"
#include "core/store/residents/residents.h"
#include "core/store/warehouse/assets.h"

namespace ces::migration {

namespace {

// A date of theirs as the start of that day; ValidationError when it is after today.
std::optional<Instant> dayOf(const MappedFile& row, const std::string& field, Instant now) {
    const auto date = row.date(field);
    if (!date) return std::nullopt;
    const Instant at{std::chrono::sys_days(*date)};
    if (at > now) throw ValidationError(field, formatDate(*date) + " is in the future");
    return at;
}

Instant requiredDay(const MappedFile& row, const std::string& field, Instant now) {
    const auto at = dayOf(row, field, now);
    if (!at) throw ValidationError(field, field + " is required");
    return *at;
}

std::string required(const MappedFile& row, const std::string& field) {
    auto value = row.text(field);
    if (value.empty()) throw ValidationError(field, field + " is required");
    return value;
}

void skip(RowContext& context, const MappedFile& row, const std::string& field,
          const std::string& reason) {
    context.report.skipped.push_back({row.line(), field, reason});
}

// The migrated resident the row names; nullopt (skipped) when they were not brought in.
std::optional<ResidentId> residentOf(const MappedFile& row, RowContext& context) {
    const auto reference = required(row, "resident_reference");
    auto resident = store::residentByLegacyRef(context.c, reference);
    if (!resident) {
        skip(context, row, "resident_reference", "resident " + reference + " was not migrated");
    }
    return resident;
}

// Our catalogue item for their code; nullopt (skipped, reported) when we have no such item.
std::optional<CatalogueItem> itemOf(const MappedFile& row, RowContext& context,
                                    const std::string& what) {
    const auto theirs = required(row, "item_code");
    const auto ours = context.mapping.ourItemCode(theirs);
    auto item = store::findItem(context.c, ours);
    if (!item) {
        context.report.unknownItems.push_back(what + ": their item " + theirs);
        skip(context, row, "item_code", "no catalogue item " + ours + " (their " + theirs + ")");
    }
    return item;
}

void migrateResident(const MappedFile& row, RowContext& context) {
    const auto reference = required(row, "reference");
    if (store::residentByLegacyRef(context.c, reference)) {
        skip(context, row, "reference", "already migrated as " + reference);
        return;
    }
    NewResident resident;
    resident.nhsNumber = row.text("nhs_number");
    resident.name = row.text("name");
    const auto born = row.date("date_of_birth");
    resident.dateOfBirth = born ? formatDate(*born) : "";
    resident.addressLine1 = row.text("address_line1");
    resident.town = row.text("town");
    resident.postcode = row.text("postcode");
    resident.phone = row.text("phone");
    resident.accessNotes = row.text("access_notes");
    const auto place =
        store::findPostcode(context.c, normalisePostcode(resident.postcode).value_or(""));
    if (!place || !place->inCounty) {
        context.report.outsideCounty.push_back(reference);
        skip(context, row, "postcode", resident.postcode + " is outside the county");
        return;
    }
    const auto registered =
        store::registerResident(context.c, resident, context.actor, context.now);
    store::setResidentLegacyRef(context.c, registered.id, reference);
    ++context.report.created;
}

void migrateAsset(const MappedFile& row, RowContext& context) {
    const auto barcode = required(row, "barcode");
    if (store::findAsset(context.c, barcode)) {
        skip(context, row, "barcode", "already migrated as " + barcode);
        return;
    }
    const auto lastInspected = dayOf(row, "last_inspected", context.now);
    const auto since = dayOf(row, "since", context.now);
    const auto resident = residentOf(row, context);
    if (!resident) return;
    const auto item = itemOf(row, context, "barcode " + barcode);
    if (!item) return;
    const auto due = context.takeover.takeUnit(
        {barcode, *item, *resident, since.value_or(context.now), lastInspected});
    if (due && *due <= context.now) ++context.report.inspectionsDue;
    ++context.report.created;
}

std::int64_t quantityOf(const MappedFile& row) {
    const auto text = row.text("quantity");
    if (text.empty()) return 1;
    std::int64_t quantity = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), quantity);
    if (error != std::errc() || end != text.data() + text.size()) {
        throw ValidationError("quantity", "\"" + text + "\" is not a whole number");
    }
    return quantity;
}

void migrateLoan(const MappedFile& row, RowContext& context) {
    const auto reference = required(row, "reference");
    if (store::loanByLegacyRef(context.c, reference)) {
        skip(context, row, "reference", "already migrated as " + reference);
        return;
    }
    const auto since = requiredDay(row, "start_date", context.now);
    const auto quantity = quantityOf(row);
    const auto resident = residentOf(row, context);
    if (!resident) return;
    const auto item = itemOf(row, context, "loan " + reference);
    if (!item) return;
    context.takeover.takeCount({reference, *item, quantity, *resident, since});
    ++context.report.created;
}

}  // namespace

void migrateRow(const MappedFile& file, RowContext& context) {
    if (context.report.kind == "residents") migrateResident(file, context);
    if (context.report.kind == "assets") migrateAsset(file, context);
    if (context.report.kind == "loans") migrateLoan(file, context);
}

}  // namespace ces::migration
