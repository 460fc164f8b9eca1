package io.contactledger.support.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OneWayPackagesTest {

    @Test
    void aPlantedBackPointingImportFailsTheRule() {
        assertThatThrownBy(() -> OneWayPackages.check("io.contactledger.support.architecture.planted", true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("planted.upper").hasMessageContaining("planted.lower");
    }

    @Test
    void serviceSupportsOwnPackagesRunOneWay() {
        assertThatCode(() -> OneWayPackages.check("io.contactledger.support", false)).doesNotThrowAnyException();
    }
}
