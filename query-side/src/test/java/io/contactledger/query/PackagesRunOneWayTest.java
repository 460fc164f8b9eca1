package io.contactledger.query;

import io.contactledger.support.architecture.OneWayPackages;
import org.junit.jupiter.api.Test;

/** The query side's capability packages depend on each other one way (see OneWayPackagesTest for the rule failing). */
class PackagesRunOneWayTest {

    @Test
    void querySidePackagesHaveNoCycles() {
        OneWayPackages.check("io.contactledger.query", false);
    }
}
