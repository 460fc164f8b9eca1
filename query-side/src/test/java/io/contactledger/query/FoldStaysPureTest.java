package io.contactledger.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The one profile fold, shared by the projection and the as-of replay, is pure: no Spring, JDBC or JSON mapping. */
class FoldStaysPureTest {

    @Test
    void theFoldAndTheProfileImportNoSpringJdbcOrJsonMapping() {
        noClasses().that().haveSimpleName("ProfileFold").or().haveSimpleName("ContactProfile").or().haveSimpleName("Note")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "com.fasterxml.jackson.databind..", "tools.jackson..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.contactledger.query"));
    }
}
