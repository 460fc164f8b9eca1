package io.contactledger.command;

import io.contactledger.support.architecture.OneWayPackages;
import org.junit.jupiter.api.Test;

/** The command side's capability packages depend on each other one way (see OneWayPackagesTest for the rule failing). */
class PackagesRunOneWayTest {

    @Test
    void commandSidePackagesHaveNoCycles() {
        OneWayPackages.check("io.contactledger.command", false);
    }
}
