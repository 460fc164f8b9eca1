package io.contactledger.command.imports;

/** No import of this id in this workspace (404). */
public class ImportNotFound extends RuntimeException {

    ImportNotFound(String importId) {
        super("import " + importId + " not found");
    }
}
