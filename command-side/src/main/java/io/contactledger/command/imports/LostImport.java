package io.contactledger.command.imports;

/** This instance no longer owns the job (another took it over while this one was silent). */
class LostImport extends RuntimeException {

    LostImport(String importId) {
        super("import " + importId + " is run by another instance now");
    }
}
