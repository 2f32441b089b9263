#pragma once
// How demand spreads over the demo county: districts by population and need (deprivation), items
// by how often a service issues them. The demo's residents, orders and stock all follow it, so
// Thanet and Swale are busier than Sevenoaks and the shelves hold most of what is issued most.
#include <map>
#include <random>
#include <string>
#include <vector>

namespace ces::demo {

using Random = std::mt19937_64;

struct DemandProfile {
    /// District name -> population x need, need = (11 - mean small-area IMD decile) / 5.5, so a
    /// district of middling deprivation counts its population once and Thanet's about 1.3 times.
    std::map<std::string, double> districtWeight;
    /// Item code -> issues per 1,000 items issued (data/issue_profile.csv).
    std::map<std::string, double> itemWeight;

    /// The districts' weights as shares of the county's demand (they sum to 1).
    std::map<std::string, double> districtShares() const;
};

/// Reads data/district_population.csv and data/issue_profile.csv from `dataDir` and
/// kent_districts.csv (mean IMD decile per district) from `geoDir`; throws std::runtime_error
/// naming a file it cannot read or a district without deprivation figures.
DemandProfile readDemandProfile(const std::string& dataDir, const std::string& geoDir);

/// Item codes drawn in proportion to how often each is issued; codes without a weight never.
class ItemDraw {
  public:
    ItemDraw(const std::vector<std::string>& codes, const DemandProfile& profile);
    bool empty() const { return codes_.empty(); }
    const std::string& operator()(Random& random) const;

  private:
    std::vector<std::string> codes_;
    std::vector<double> weights_;
};

/// The index of one of `weights` drawn in proportion to its weight (all >= 0, some > 0).
std::size_t weightedPick(Random& random, const std::vector<double>& weights);

}  // namespace ces::demo
