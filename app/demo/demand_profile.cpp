#include "app/demo/demand_profile.h"

#include <fstream>
#include <stdexcept>

#include "core/csv.h"

namespace ces::demo {

namespace {

constexpr double kMiddleNeed = 5.5;  // 11 minus the middle decile

// Reads `file`'s `key` and `value` columns into a map of numbers.
std::map<std::string, double> numbersByName(const std::string& file, const std::string& key,
                                            const std::string& value) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file);
    CsvTable table(in);
    std::map<std::string, double> numbers;
    while (table.next()) {
        try {
            numbers[table.field(key)] = std::stod(table.field(value));
        } catch (const std::invalid_argument&) {
            throw std::runtime_error(file + " line " + std::to_string(table.line()) + ": " + value +
                                     " is not a number");
        }
    }
    return numbers;
}

}  // namespace

std::map<std::string, double> DemandProfile::districtShares() const {
    double total = 0;
    for (const auto& [district, weight] : districtWeight) total += weight;
    std::map<std::string, double> shares;
    for (const auto& [district, weight] : districtWeight) {
        shares[district] = total > 0 ? weight / total : 0;
    }
    return shares;
}

DemandProfile readDemandProfile(const std::string& dataDir, const std::string& geoDir) {
    DemandProfile profile;
    const auto population =
        numbersByName(dataDir + "/district_population.csv", "district", "population");
    const auto deprivation =
        numbersByName(geoDir + "/kent_districts.csv", "district_name", "mean_lsoa_imd_decile");
    for (const auto& [district, people] : population) {
        const auto decile = deprivation.find(district);
        if (decile == deprivation.end()) {
            throw std::runtime_error("no deprivation figures for " + district + " in " + geoDir +
                                     "/kent_districts.csv");
        }
        profile.districtWeight[district] = people * (11 - decile->second) / kMiddleNeed;
    }
    profile.itemWeight =
        numbersByName(dataDir + "/issue_profile.csv", "item_code", "issues_per_1000");
    return profile;
}

ItemDraw::ItemDraw(const std::vector<std::string>& codes, const DemandProfile& profile) {
    for (const auto& code : codes) {
        const auto weight = profile.itemWeight.find(code);
        if (weight == profile.itemWeight.end() || weight->second <= 0) continue;
        codes_.push_back(code);
        weights_.push_back(weight->second);
    }
}

const std::string& ItemDraw::operator()(Random& random) const {
    return codes_[weightedPick(random, weights_)];
}

std::size_t weightedPick(Random& random, const std::vector<double>& weights) {
    return std::discrete_distribution<std::size_t>(weights.begin(), weights.end())(random);
}

}  // namespace ces::demo
