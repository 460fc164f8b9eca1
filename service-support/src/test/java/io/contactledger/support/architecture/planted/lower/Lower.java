package io.contactledger.support.architecture.planted.lower;

import io.contactledger.support.architecture.planted.upper.Upper;

/** Points back up to the package that uses it: the cycle OneWayPackages must refuse. */
public class Lower {
    public Class<?> owner() {
        return Upper.class;
    }
}
