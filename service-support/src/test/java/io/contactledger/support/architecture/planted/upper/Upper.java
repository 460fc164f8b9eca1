package io.contactledger.support.architecture.planted.upper;

import io.contactledger.support.architecture.planted.lower.Lower;

/** A planted back-pointing import: upper uses lower, which points back up (see OneWayPackagesTest). */
public class Upper {
    public Lower lower() {
        return new Lower();
    }
}
