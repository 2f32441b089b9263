#include "core/store/residents/residents.h"

#include <doctest/doctest.h>

#include "tests/core/store/fixture.h"

using namespace ces;

namespace {

NewResident valid() {
    return {"401 023 2137", "Bob Example", "1950-06-01", "2 Sea Road",
            "Margate",      "ct9 1aa",     "",           ""};
}

std::string failingField(test::SmallCounty& county, const NewResident& r) {
    try {
        county.db->write([&](store::Connection& c) {
            store::registerResident(c, r, county.prescriber, county.now);
        });
    } catch (const ValidationError& e) {
        return e.field();
    }
    return "";
}

}  // namespace

TEST_CASE("a resident is registered with the district of their postcode") {
    test::SmallCounty county;
    const auto registered = county.db->write([&](store::Connection& c) {
        return store::registerResident(c, valid(), county.prescriber, county.now);
    });
    CHECK(registered.district == "Thanet");
    CHECK_FALSE(registered.existing);
    const auto stored = county.db->read(
        [&](store::Connection& c) { return store::findResident(c, registered.id); });
    REQUIRE(stored);
    CHECK(stored->postcode == "CT9 1AA");
    CHECK(stored->nhsNumber == "4010232137");
}

TEST_CASE("bad resident details are refused naming the field and nothing is written") {
    test::SmallCounty county;
    auto r = valid();
    r.nhsNumber = "4010232138";
    CHECK(failingField(county, r) == "nhs_number");
    r = valid();
    r.postcode = "ME1 1AA";  // Medway: outside the county
    CHECK(failingField(county, r) == "postcode");
    r = valid();
    r.postcode = "ZZ";
    CHECK(failingField(county, r) == "postcode");
    r = valid();
    r.dateOfBirth = "2030-01-01";
    CHECK(failingField(county, r) == "date_of_birth");
    r = valid();
    r.dateOfBirth = "1950-02-30";
    CHECK(failingField(county, r) == "date_of_birth");
    r = valid();
    r.name = "  ";
    CHECK(failingField(county, r) == "name");
    const auto count = county.db->read([](store::Connection& c) {
        return c.query("SELECT COUNT(*) FROM residents").integer(0, 0);
    });
    CHECK(count == 1);  // only the fixture's resident
}

TEST_CASE("another team sees a resident only after registering them itself") {
    test::SmallCounty county;
    CHECK_THROWS_AS(county.db->write([&](store::Connection& c) {
        return store::readResident(c, county.resident, county.otherPrescriber, county.now);
    }),
                    NotFound);
    NewResident same{"9434765919", "Ada Lovelace", "1940-02-03", "1 High St",
                     "Maidstone",  "ME14 1AD",     "",           ""};
    const auto linked = county.db->write([&](store::Connection& c) {
        return store::registerResident(c, same, county.otherPrescriber, county.now);
    });
    CHECK(linked.existing);
    CHECK(linked.id == county.resident);
    const auto read = county.db->write([&](store::Connection& c) {
        return store::readResident(c, county.resident, county.otherPrescriber, county.now);
    });
    CHECK(read.name == "Ada Lovelace");
    // Every read of the record was audited.
    const auto audits = county.db->read([](store::Connection& c) {
        return c.query("SELECT COUNT(*) FROM audit_log WHERE action = 'resident.read'")
            .integer(0, 0);
    });
    CHECK(audits == 1);
}
