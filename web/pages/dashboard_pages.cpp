#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "core/kpis.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/collections/collections.h"
#include "core/store/ledger/ledger.h"
#include "core/store/reports/reports.h"
#include "web/pages/page_routes.h"
#include "web/pages/presenters.h"
#include "web/pages/svg_charts.h"
#include "web/policies.h"

namespace ces::web {

namespace {

namespace chr = std::chrono;
using store::ReportTable;
using store::SqlValue;

// GOV.UK blue, red and green: each at least 4.5:1 against white.
const char* const kBlue = "#1d70b8";
const char* const kRed = "#d4351c";
const char* const kGreen = "#00703c";

/// The page's filters, as read from the query string.
struct Filters {
    std::string from;
    std::string to;
    std::string funder;    ///< A funder code, or "" for every funder.
    std::string district;  ///< A district, or "" for every district.
};

std::optional<double> number(const SqlValue& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&value)) return *d;
    return std::nullopt;
}

std::string text(const SqlValue& value) {
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    if (const auto n = number(value)) return chartNumber(*n, "");
    return "";
}

/// How a column's cells read.
enum class Kind { text, count, percent, pence, decimal };

std::string cellText(const SqlValue& value, Kind kind) {
    const auto n = number(value);
    if (kind == Kind::text) return text(value);
    if (!n) return "No data";
    char buffer[48];
    switch (kind) {
        case Kind::percent:
            std::snprintf(buffer, sizeof buffer, "%.1f%%", *n);
            return buffer;
        case Kind::pence:
            return pounds(static_cast<Pence>(std::llround(*n)));
        case Kind::decimal:
            std::snprintf(buffer, sizeof buffer, "%.1f", *n);
            return buffer;
        default:
            std::snprintf(buffer, sizeof buffer, "%.0f", *n);
            return buffer;
    }
}

/// "no_longer_needed" -> "No longer needed"; "all" -> "All".
std::string words(std::string key) {
    std::replace(key.begin(), key.end(), '_', ' ');
    if (!key.empty()) key[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(key[0])));
    return key;
}

std::string coordinate(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

// The store's descriptions speak of pence; the page shows pounds.
std::string withoutPence(std::string description) {
    for (const std::string unit : {" (pence)", "pence; "}) {
        if (const auto at = description.find(unit); at != std::string::npos) {
            description.erase(at, unit.size());
        }
    }
    return description;
}

struct Column {
    std::string key;
    std::string header;
    Kind kind;
};

/// One chart series taken from a table column.
struct SeriesSpec {
    std::string column;
    std::string name;
    const char* colour;
    double scale = 1;  ///< Values are multiplied by this (pence to £ thousands).
};

enum class ChartKind { none, bars, columns };

struct SectionSpec {
    std::string id;
    std::string heading;
    ChartKind chart = ChartKind::none;
    std::string chartTitle;
    std::vector<SeriesSpec> series;
    std::string unit;
    std::vector<Column> columns;
    /// Whether a row is shown (filters; "all" rows are left out of charts regardless).
    std::function<bool(const std::vector<SqlValue>&)> keep;
    std::function<std::string(const std::vector<SqlValue>&)> label;  ///< Category label.
    std::function<std::string(const std::string&)> keyText = words;  ///< The first cell.
};

mustache::data chartView(const std::string& id, const std::string& title, const ChartLayout& c,
                         ChartKind kind, const std::string& description,
                         const std::vector<SeriesSpec>& series) {
    mustache::data chart;
    chart.set("width", coordinate(c.width));
    chart.set("height", coordinate(c.height));
    chart.set("title", title);
    chart.set("desc", description);
    chart.set("title_id", id + "-chart-title");
    chart.set("desc_id", id + "-chart-desc");
    const bool bars = kind == ChartKind::bars;
    chart.set("label_anchor", std::string(bars ? "end" : "middle"));
    chart.set("value_anchor", std::string(bars ? "start" : "middle"));
    chart.set("tick_anchor", std::string(bars ? "middle" : "end"));
    mustache::data ticks(mustache::data::type::list);
    for (const auto& t : c.ticks) {
        mustache::data tick;
        tick.set("x1", coordinate(t.x1));
        tick.set("y1", coordinate(t.y1));
        tick.set("x2", coordinate(t.x2));
        tick.set("y2", coordinate(t.y2));
        tick.set("tx", coordinate(t.textX));
        tick.set("ty", coordinate(t.textY));
        tick.set("text", t.text);
        ticks.push_back(tick);
    }
    chart.set("ticks", ticks);
    mustache::data shapes(mustache::data::type::list);
    const bool crowded = !bars && c.bars.size() > 14;  // Column values would overlap.
    for (const auto& b : c.bars) {
        mustache::data bar;
        bar.set("x", coordinate(b.x));
        bar.set("y", coordinate(b.y));
        bar.set("w", coordinate(b.width));
        bar.set("h", coordinate(b.height));
        bar.set("fill", b.colour);
        if (!crowded) {
            bar.set("value", b.valueText);
            bar.set("tx", coordinate(b.textX));
            bar.set("ty", coordinate(b.textY));
        }
        shapes.push_back(bar);
    }
    chart.set("bars", shapes);
    mustache::data labels(mustache::data::type::list);
    for (const auto& l : c.labels) {
        mustache::data label;
        label.set("x", coordinate(l.x));
        label.set("y", coordinate(l.y));
        label.set("text", l.text);
        labels.push_back(label);
    }
    chart.set("labels", labels);
    chart.set("ax1", coordinate(c.axisX1));
    chart.set("ay1", coordinate(c.axisY1));
    chart.set("ax2", coordinate(c.axisX2));
    chart.set("ay2", coordinate(c.axisY2));
    mustache::data legend(mustache::data::type::list);
    for (const auto& s : series) {
        mustache::data item;
        item.set("name", s.name);
        item.set("colour", std::string(s.colour));
        legend.push_back(item);
    }
    chart.set("legend", legend);
    chart.set("has_legend", series.size() > 1);
    return chart;
}

mustache::data sectionView(const SectionSpec& spec, const ReportTable& table,
                           const std::string& csvHref) {
    mustache::data section;
    section.set("id", spec.id);
    section.set("heading", spec.heading);
    section.set("description", withoutPence(table.description));
    section.set("csv", csvHref);
    mustache::data headers(mustache::data::type::list);
    for (const auto& column : spec.columns) {
        mustache::data header;
        header.set("text", column.header);
        header.set("numeric", column.kind != Kind::text);
        headers.push_back(header);
    }
    section.set("headers", headers);

    ChartData data;
    for (const auto& s : spec.series) data.series.push_back({s.name, s.colour, {}});
    data.unit = spec.unit;
    mustache::data rows(mustache::data::type::list);
    std::size_t shown = 0;
    for (const auto& row : table.rows) {
        if (spec.keep && !spec.keep(row)) continue;
        const std::string key = text(row[0]);
        mustache::data cells(mustache::data::type::list);
        for (std::size_t i = 0; i < spec.columns.size(); ++i) {
            const auto& column = spec.columns[i];
            mustache::data cell;
            const std::string value = cellText(row[table.columnIndex(column.key)], column.kind);
            cell.set("text", column.kind != Kind::text ? value
                             : i == 0                  ? spec.keyText(value)
                                                       : words(value));
            cell.set("numeric", column.kind != Kind::text);
            cell.set("first", i == 0);
            cells.push_back(cell);
        }
        mustache::data tableRow;
        tableRow.set("cells", cells);
        rows.push_back(tableRow);
        ++shown;
        if (key == "all" || spec.chart == ChartKind::none) continue;
        data.categories.push_back(spec.label ? spec.label(row) : words(key));
        for (std::size_t s = 0; s < spec.series.size(); ++s) {
            const auto n = number(row[table.columnIndex(spec.series[s].column)]);
            data.series[s].values.push_back(n ? *n * spec.series[s].scale : 0.0);
        }
    }
    section.set("rows", rows);
    section.set("has_rows", shown > 0);
    if (spec.chart != ChartKind::none && !data.categories.empty()) {
        const ChartLayout layout =
            spec.chart == ChartKind::bars ? horizontalBarChart(data) : columnChart(data);
        std::string description;
        for (std::size_t i = 0; i < data.categories.size(); ++i) {
            if (i > 0) description += "; ";
            description += data.categories[i] + ":";
            for (std::size_t s = 0; s < data.series.size(); ++s) {
                description += (s > 0 ? ", " : " ") +
                               (data.series.size() > 1 ? data.series[s].name + " " : "") +
                               chartNumber(data.series[s].values[i], data.unit);
            }
        }
        section.set("chart", chartView(spec.id, spec.chartTitle, layout, spec.chart,
                                       description + ". The numbers are also in the table below.",
                                       spec.series));
    }
    return section;
}

Filters filtersOf(App& app, const Request& request, PageView& view) {
    const auto today = chr::year_month_day(chr::floor<chr::days>(app.now()));
    Filters f;
    f.from = formatDate(kpi::financialYearStart(kpi::financialYear(today)));
    f.to = formatDate(chr::year_month_day(chr::sys_days(today) + chr::days(1)));
    const std::string from = trimmed(request.queryValue("from")).substr(0, 20);
    const std::string to = trimmed(request.queryValue("to")).substr(0, 20);
    view.data.set("from", from.empty() ? f.from : from);
    view.data.set("to", to.empty() ? f.to : to);
    const std::string wantedFrom = from.empty() ? f.from : from;
    const std::string wantedTo = to.empty() ? f.to : to;
    try {
        store::reportPeriod(wantedFrom, wantedTo);
        f.from = wantedFrom;
        f.to = wantedTo;
    } catch (const ValidationError& e) {
        const std::string field = e.field() == "from" ? "from" : "to";
        addError(view, field,
                 field == "from" ? "Enter the start of the period as a date, like 2026-04-01"
                 : !parseDate(wantedTo)
                     ? "Enter the end of the period as a date, like 2027-04-01"
                     : "The end of the period must be after its start and at most 3 years on");
        view.status = 422;
    }
    f.funder = trimmed(request.queryValue("funder")).substr(0, 60);
    f.district = trimmed(request.queryValue("district")).substr(0, 60);
    return f;
}

std::string csvHref(const std::string& report, const Filters& f) {
    return "/api/v1/reports/" + report + ".csv?from=" + f.from + "&to=" + f.to;
}

mustache::data options(const std::set<std::string>& values, const std::string& chosen) {
    mustache::data list(mustache::data::type::list);
    for (const auto& value : values) {
        mustache::data option;
        option.set("value", value);
        option.set("selected", value == chosen);
        list.push_back(option);
    }
    return list;
}

const ReportTable& tableNamed(const std::vector<ReportTable>& tables, const std::string& name) {
    for (const auto& t : tables) {
        if (t.name == name) return t;
    }
    throw std::out_of_range("no report " + name);
}

// The row a headline figure comes from: the chosen key's, else "all".
std::optional<double> figure(const ReportTable& table, const std::string& key,
                             const std::string& column) {
    try {
        return number(table.cell(table.columns[0], key.empty() ? "all" : key, column));
    } catch (const std::out_of_range&) {
        return std::nullopt;
    }
}

mustache::data headline(const std::string& id, const std::string& label,
                        const std::optional<double>& value, Kind kind) {
    mustache::data item;
    item.set("id", id);
    item.set("label", label);
    item.set("value", value ? cellText(SqlValue(*value), kind) : std::string("No data"));
    return item;
}

/// The newest credits in the period (after the filters), newest first.
struct CreditRows {
    mustache::data rows;
    std::size_t count = 0;
};
CreditRows latestCredits(store::Connection& c, const Filters& f, std::size_t wanted) {
    store::LedgerQuery query;
    query.from = *parseDate(f.from);
    query.to = *parseDate(f.to);
    query.kind = LedgerKind::credit;
    query.funderCode = f.funder;
    query.district = f.district;
    const auto credits = store::latestLedgerEntries(c, query, wanted);
    std::map<std::string, std::string> names;
    mustache::data rows(mustache::data::type::list);
    for (const auto& e : credits) {
        mustache::data row;
        row.set("date", ukDate(e.at));
        row.set("barcode", e.barcode.value_or("None"));
        std::string item = e.itemCode.value_or("Special");
        if (e.itemCode) {
            if (!names.count(*e.itemCode)) {
                const auto found = store::findItem(c, *e.itemCode);
                names[*e.itemCode] = found ? found->name : *e.itemCode;
            }
            item = names[*e.itemCode] + " (" + *e.itemCode + ")";
        }
        row.set("item", item);
        row.set("funder", e.funderCode);
        row.set("district", e.district);
        row.set("amount", pounds(-e.amount));
        rows.push_back(row);
    }
    return {rows, credits.size()};
}

/// A row filter keeping rows whose first cell is `wanted` (all rows when it is empty).
std::function<bool(const std::vector<SqlValue>&)> keyIs(const std::string& wanted) {
    return [wanted](const std::vector<SqlValue>& row) {
        return wanted.empty() || text(row[0]) == wanted;
    };
}

constexpr double kPenceToThousands = 1.0 / 100000.0;  // Pence to £ thousands.

/// Delivery, failed visits and recycling.
void addServiceSpecs(std::vector<SectionSpec>& specs) {
    specs.push_back(
        {"delivery",
         "On-time delivery by speed",
         ChartKind::bars,
         "Share of orders delivered on time, by speed (%)",
         {{"on_time_percent", "On time", kBlue}},
         "%",
         {{"speed", "Speed", Kind::text},
          {"delivered", "Delivered", Kind::count},
          {"on_time", "On time", Kind::count},
          {"on_time_percent", "On time (%)", Kind::percent}},
         {},
         [](const std::vector<SqlValue>& row) { return speedLabel(text(row[0])); },
         [](const std::string& key) { return key == "all" ? words(key) : speedLabel(key); }});
    specs.push_back({"failed-visits",
                     "Failed visits by reason",
                     ChartKind::bars,
                     "Failed visits in the period, by kind of visit and reason",
                     {{"failed", "Failed visits", kRed}},
                     "",
                     {{"kind", "Visit", Kind::text},
                      {"reason", "Reason", Kind::text},
                      {"failed", "Failed", Kind::count},
                      {"visits_done", "Visits of that kind", Kind::count},
                      {"failed_percent", "Failed (%)", Kind::percent}},
                     {},
                     [](const std::vector<SqlValue>& row) {
                         return words(text(row[0])) + ": " + text(row[1]);
                     }});
    specs.push_back({"recycling",
                     "Recycling and return rates by category",
                     ChartKind::bars,
                     "Recycling rate and return rate by category (%)",
                     {{"recycling_rate_percent", "Recycling rate", kGreen},
                      {"return_rate_percent", "Return rate", kBlue}},
                     "%",
                     {{"category", "Category", Kind::text},
                      {"issued", "Issued", Kind::count},
                      {"collected", "Collected", Kind::count},
                      {"returned_to_stock", "Back in stock", Kind::count},
                      {"scrapped", "Scrapped", Kind::count},
                      {"recycling_rate_percent", "Recycling rate", Kind::percent},
                      {"return_rate_percent", "Return rate", Kind::percent}},
                     {},
                     {}});
}

/// Issues, credits and net spend by funder, month and district.
void addFinanceSpecs(std::vector<SectionSpec>& specs, const Filters& f) {
    const std::vector<SeriesSpec> money = {{"issues_pence", "Issues", kBlue, kPenceToThousands},
                                           {"credits_pence", "Credits", kGreen, kPenceToThousands},
                                           {"net_pence", "Net spend", kRed, kPenceToThousands}};
    auto moneyColumns = [](const std::string& key, const std::string& header) {
        return std::vector<Column>{{key, header, Kind::text},
                                   {"issues_pence", "Issues", Kind::pence},
                                   {"credits_pence", "Credits", Kind::pence},
                                   {"corrections_pence", "Corrections", Kind::pence},
                                   {"net_pence", "Net spend", Kind::pence},
                                   {"items_issued", "Items issued", Kind::count},
                                   {"items_credited", "Items credited", Kind::count}};
    };
    specs.push_back({"finance-funder", "Issues, credits and net spend by funder", ChartKind::bars,
                     "Issues, credits and net spend by funder (£ thousands)", money, "",
                     moneyColumns("funder", "Funder"),
                     [funder = f.funder](const std::vector<SqlValue>& row) {
                         return funder.empty() || text(row[0]) == funder;
                     },
                     [](const std::vector<SqlValue>& row) { return text(row[0]); }});
    specs.push_back({"finance-month",
                     "Issues, credits and net spend by month",
                     ChartKind::columns,
                     "Issues, credits and net spend by month (£ thousands)",
                     money,
                     "",
                     moneyColumns("month", "Month"),
                     {},
                     [](const std::vector<SqlValue>& row) { return text(row[0]); }});
    specs.push_back({"finance-district",
                     "Issues, credits and net spend by district",
                     ChartKind::none,
                     "",
                     {},
                     "",
                     moneyColumns("district", "District"),
                     keyIs(f.district),
                     {}});
}

/// Collections on time and equity by district and deprivation decile.
void addCollectionAndEquitySpecs(std::vector<SectionSpec>& specs, const Filters& f) {
    specs.push_back({"collections",
                     "Collections on time by district",
                     ChartKind::bars,
                     "Share of collections made on time, by district (%)",
                     {{"on_time_percent", "On time", kBlue}},
                     "%",
                     {{"district", "District", Kind::text},
                      {"due", "Due", Kind::count},
                      {"collected_on_time", "On time", Kind::count},
                      {"collected_late", "Late", Kind::count},
                      {"open_overdue", "Overdue", Kind::count},
                      {"open_not_yet_due", "Not yet due", Kind::count},
                      {"on_time_percent", "On time (%)", Kind::percent}},
                     keyIs(f.district),
                     [](const std::vector<SqlValue>& row) { return text(row[0]); }});
    const std::vector<Column> equityColumns = {
        {"orders", "Orders", Kind::count},
        {"orders_per_1000", "Orders per 1,000 people", Kind::decimal},
        {"delivered", "Delivered", Kind::count},
        {"median_days_to_delivery", "Median days to delivery", Kind::decimal},
        {"on_time_percent", "On time (%)", Kind::percent}};
    std::vector<Column> byDistrict = {{"district", "District", Kind::text}};
    byDistrict.insert(byDistrict.end(), equityColumns.begin(), equityColumns.end());
    specs.push_back({"equity-district",
                     "Equity by district",
                     ChartKind::bars,
                     "Orders per 1,000 people, by district",
                     {{"orders_per_1000", "Orders per 1,000", kBlue}},
                     "",
                     byDistrict,
                     keyIs(f.district),
                     [](const std::vector<SqlValue>& row) { return text(row[0]); }});
    std::vector<Column> byDecile = {{"imd_decile", "Deprivation decile", Kind::text}};
    byDecile.insert(byDecile.end(), equityColumns.begin(), equityColumns.end());
    specs.push_back({"equity-decile",
                     "Equity by deprivation decile",
                     ChartKind::columns,
                     "Share delivered on time by deprivation decile, 1 = most deprived (%)",
                     {{"on_time_percent", "On time", kBlue}},
                     "%",
                     byDecile,
                     {},
                     [](const std::vector<SqlValue>& row) { return text(row[0]); }});
}

/// Self-purchase by district and by deprivation decile: the share must not come from the
/// better-off alone.
void addSelfPurchaseSpecs(std::vector<SectionSpec>& specs, const Filters& f) {
    const std::vector<Column> counts = {
        {"offered", "Offered", Kind::count},
        {"self_purchased", "Bought their own", Kind::count},
        {"declined", "Declined", Kind::count},
        {"not_appropriate", "Not appropriate", Kind::count},
        {"self_purchase_percent", "Self-purchase (%)", Kind::percent},
        {"spend_avoided_pence", "Spend avoided", Kind::pence}};
    std::vector<Column> byDistrict = {{"district", "District", Kind::text}};
    byDistrict.insert(byDistrict.end(), counts.begin(), counts.end());
    specs.push_back({"self-purchase-district",
                     "Self-purchase by district",
                     ChartKind::bars,
                     "Share of residents offered a retail alternative who bought their own (%)",
                     {{"self_purchase_percent", "Self-purchase", kGreen}},
                     "%",
                     byDistrict,
                     keyIs(f.district),
                     [](const std::vector<SqlValue>& row) { return text(row[0]); }});
    std::vector<Column> byDecile = {{"imd_decile", "Deprivation decile", Kind::text}};
    byDecile.insert(byDecile.end(), counts.begin(), counts.end());
    specs.push_back({"self-purchase-decile",
                     "Self-purchase by deprivation decile",
                     ChartKind::columns,
                     "Self-purchase share by deprivation decile, 1 = most deprived (%)",
                     {{"self_purchase_percent", "Self-purchase", kGreen}},
                     "%",
                     byDecile,
                     {},
                     [](const std::vector<SqlValue>& row) { return text(row[0]); }});
}

/// Van emissions and what reuse saved.
void addCarbonSpecs(std::vector<SectionSpec>& specs) {
    specs.push_back({"carbon-vans",
                     "Carbon: van emissions by month",
                     ChartKind::columns,
                     "Kilograms of CO2 from the vans, by month",
                     {{"kg_co2", "kg CO2", kBlue}},
                     "",
                     {{"month", "Month", Kind::text},
                      {"plan_days", "Planned days", Kind::count},
                      {"van_days", "Van days", Kind::count},
                      {"km", "Kilometres", Kind::decimal},
                      {"kg_co2", "kg CO2", Kind::decimal}},
                     {},
                     [](const std::vector<SqlValue>& row) { return text(row[0]); }});
    specs.push_back({"carbon-reuse",
                     "Carbon: saved by reuse",
                     ChartKind::bars,
                     "Kilograms of CO2 avoided by reusing equipment, by category",
                     {{"kg_co2_avoided", "kg CO2 avoided", kGreen}},
                     "",
                     {{"category", "Category", Kind::text},
                      {"items_reused", "Items reused", Kind::count},
                      {"kg_per_item", "kg per item", Kind::decimal},
                      {"kg_co2_avoided", "kg CO2 avoided", Kind::decimal}},
                     {},
                     {}});
}

std::vector<SectionSpec> sectionSpecs(const Filters& f) {
    std::vector<SectionSpec> specs;
    addServiceSpecs(specs);
    addFinanceSpecs(specs, f);
    addCollectionAndEquitySpecs(specs, f);
    addSelfPurchaseSpecs(specs, f);
    addCarbonSpecs(specs);
    return specs;
}

// The forecast mixes pence and percentages by row; its measures say which.
mustache::data forecastRows(const ReportTable& table) {
    mustache::data rows(mustache::data::type::list);
    for (const auto& row : table.rows) {
        const std::string measure = text(row[0]);
        if (measure == "financial_year") continue;
        const Kind kind = measure.ends_with("_pence") ? Kind::pence : Kind::decimal;
        std::string name = measure;
        for (const char* suffix : {"_pence", "_percent", "_points"}) {
            if (name.ends_with(suffix)) name.resize(name.size() - std::string(suffix).size());
        }
        auto shown = [&](std::size_t i) {
            if (!number(row[i])) return std::string("Not set");
            std::string s = cellText(row[i], kind);
            if (measure.ends_with("_percent")) s += "%";
            if (measure.ends_with("_points")) s += " points";
            return s;
        };
        mustache::data cells(mustache::data::type::list);
        const std::vector<std::string> values = {words(name), shown(1), shown(2), shown(3),
                                                 text(row[4])};
        for (std::size_t i = 0; i < values.size(); ++i) {
            mustache::data cell;
            cell.set("text", values[i]);
            cell.set("numeric", i > 0 && i < 4);
            cell.set("first", i == 0);
            cells.push_back(cell);
        }
        mustache::data r;
        r.set("cells", cells);
        rows.push_back(r);
    }
    return rows;
}

mustache::data forecastSection(const ReportTable& forecast, const std::string& csv) {
    mustache::data section;
    section.set("id", std::string("forecast"));
    section.set("heading", std::string("Forecast: this year against the council's targets"));
    section.set("description", withoutPence(forecast.description));
    section.set("csv", csv);
    mustache::data headers(mustache::data::type::list);
    for (const char* header :
         {"Measure", "Actual to date", "Projected full year", "Council target", "Note"}) {
        mustache::data h;
        h.set("text", std::string(header));
        const std::string name(header);
        h.set("numeric", name != "Measure" && name != "Note");
        headers.push_back(h);
    }
    section.set("headers", headers);
    section.set("rows", forecastRows(forecast));
    section.set("has_rows", true);

    ChartData money;
    const std::vector<SeriesSpec> series = {{"", "Actual to date", kBlue},
                                            {"", "Projected full year", kGreen},
                                            {"", "Council target", kRed}};
    for (const auto& s : series) money.series.push_back({s.name, s.colour, {}});
    for (const auto& row : forecast.rows) {
        const std::string measure = text(row[0]);
        if (measure == "financial_year") section.set("note", text(row[4]));
        if (measure != "gross_issues_pence" && measure != "net_spend_pence") continue;
        money.categories.push_back(measure == "net_spend_pence" ? "Net spend" : "Gross issues");
        for (std::size_t i = 0; i < 3; ++i) {
            money.series[i].values.push_back(number(row[i + 1]).value_or(0) / 100000.0);
        }
    }
    if (!money.categories.empty()) {
        std::string description;
        for (std::size_t i = 0; i < money.categories.size(); ++i) {
            description += (i > 0 ? "; " : "") + money.categories[i] + ":";
            for (std::size_t k = 0; k < money.series.size(); ++k) {
                description += (k > 0 ? ", " : " ") + money.series[k].name + " " +
                               chartNumber(money.series[k].values[i], "") + " thousand pounds";
            }
        }
        section.set("chart",
                    chartView("forecast", "This year against the council's targets (£ thousands)",
                              horizontalBarChart(money), ChartKind::bars,
                              description + ". The numbers are also in the table below.", series));
    }
    return section;
}

/// The funder and district choices (those in the reports, and the one chosen) and the period.
void setFilterChoices(PageView& view, const std::vector<ReportTable>& tables, const Filters& f) {
    std::set<std::string> funders;
    for (const auto& row : tableNamed(tables, "finance_by_funder").rows) {
        if (text(row[0]) != "all") funders.insert(text(row[0]));
    }
    std::set<std::string> districts;
    for (const char* name : {"equity_by_district", "collections_on_time", "finance_by_district"}) {
        for (const auto& row : tableNamed(tables, name).rows) {
            if (text(row[0]) != "all" && !text(row[0]).empty()) districts.insert(text(row[0]));
        }
    }
    if (!f.funder.empty()) funders.insert(f.funder);
    if (!f.district.empty()) districts.insert(f.district);
    view.data.set("funders", options(funders, f.funder));
    view.data.set("districts", options(districts, f.district));
    view.data.set("funder", f.funder);
    view.data.set("has_funder", !f.funder.empty());
    view.data.set("has_district", !f.district.empty());
    view.data.set("district", f.district);
    view.data.set("period", longDate(f.from) + " to " +
                                longDate(formatDate(chr::year_month_day(
                                    chr::sys_days(*parseDate(f.to)) - chr::days(1)))));
    view.data.set("filtered", !f.funder.empty() || !f.district.empty());
}

/// The headline figures above the sections.
mustache::data headlineFigures(const std::vector<ReportTable>& tables, const Filters& f) {
    mustache::data figures(mustache::data::type::list);
    figures.push_back(headline(
        "figure-delivery", "Delivered on time",
        figure(tableNamed(tables, "delivery_on_time"), "", "on_time_percent"), Kind::percent));
    figures.push_back(
        headline("figure-collections", "Collections on time",
                 figure(tableNamed(tables, "collections_on_time"), f.district, "on_time_percent"),
                 Kind::percent));
    figures.push_back(
        headline("figure-specials", "Specials within 8 weeks",
                 tableNamed(tables, "specials_within_8_weeks").rows.empty()
                     ? std::nullopt
                     : number(tableNamed(tables, "specials_within_8_weeks").rows[0][2]),
                 Kind::percent));
    figures.push_back(headline(
        "figure-recycling", "Recycling rate",
        figure(tableNamed(tables, "recycling"), "", "recycling_rate_percent"), Kind::percent));
    figures.push_back(headline(
        "figure-credits", "Credits",
        figure(tableNamed(tables, "finance_by_funder"), f.funder, "credits_pence"), Kind::pence));
    figures.push_back(headline(
        "figure-net", "Net spend",
        figure(tableNamed(tables, "finance_by_funder"), f.funder, "net_pence"), Kind::pence));
    return figures;
}

/// One section per report, each with its chart, table and CSV link, then the forecast.
mustache::data reportSections(const std::vector<ReportTable>& tables, const Filters& f) {
    const std::map<std::string, std::string> reportOf = {
        {"delivery", "delivery_on_time"},
        {"failed-visits", "failed_visits"},
        {"recycling", "recycling"},
        {"finance-funder", "finance_by_funder"},
        {"finance-month", "finance_by_month"},
        {"finance-district", "finance_by_district"},
        {"collections", "collections_on_time"},
        {"equity-district", "equity_by_district"},
        {"equity-decile", "equity_by_imd_decile"},
        {"self-purchase-district", "self_purchase_by_district"},
        {"self-purchase-decile", "self_purchase_by_imd_decile"},
        {"carbon-vans", "carbon_vans"},
        {"carbon-reuse", "carbon_reuse"}};
    mustache::data sections(mustache::data::type::list);
    for (const auto& spec : sectionSpecs(f)) {
        const std::string report = reportOf.at(spec.id);
        ReportTable table = tableNamed(tables, report);
        if (report == "equity_by_imd_decile" || report == "self_purchase_by_imd_decile") {
            // Deciles in number order (the store sorts them as text), "unknown" and "all" last.
            std::stable_sort(
                table.rows.begin(), table.rows.end(), [](const auto& a, const auto& b) {
                    const std::string x = text(a[0]);
                    const std::string y = text(b[0]);
                    const bool xn = !x.empty() && std::isdigit(static_cast<unsigned char>(x[0]));
                    const bool yn = !y.empty() && std::isdigit(static_cast<unsigned char>(y[0]));
                    if (xn != yn) return xn;
                    return xn && std::stoi(x) < std::stoi(y);
                });
        }
        sections.push_back(sectionView(spec, table, csvHref(report, f)));
    }

    sections.push_back(forecastSection(tableNamed(tables, "forecast"), csvHref("forecast", f)));
    return sections;
}

Response dashboardPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::commissioner, Role::admin});
    App& app = site.app;
    PageView view;
    view.title = "Dashboard";
    view.templateName = "dashboard";
    view.section = "dashboard";
    const Filters f = filtersOf(app, request, view);

    store::ReportContext context = reportContextOf(app.settings());
    context.period = {f.from, f.to};
    context.now = app.now();
    std::vector<ReportTable> tables;
    CreditRows credits;
    app.db.read([&](store::Connection& c) {
        tables = store::kpiReports(c, context);
        credits = latestCredits(c, f, 20);
        return 0;
    });

    setFilterChoices(view, tables, f);
    view.data.set("figures", headlineFigures(tables, f));
    view.data.set("sections", reportSections(tables, f));
    view.data.set("specials_csv", csvHref("specials_within_8_weeks", f));
    view.data.set("finance_category_csv", csvHref("finance_by_category", f));

    view.data.set("credits", credits.rows);
    view.data.set("has_credits", credits.count > 0);
    return site.render(request, actor, std::move(view));
}

}  // namespace

void addDashboardPages(Router& router, Site& site) {
    site.get(router, "/dashboard", [&site](Request& r) { return dashboardPage(site, r); });
}

}  // namespace ces::web
