package io.contactledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The business rules (the aggregates and their rule classes) know nothing of HTTP, JDBC or JSON. */
class DomainStaysPureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.contactledger.command");

    @Test
    void aggregatesAndRulesImportNoWebJdbcOrJson() {
        noClasses().that().haveSimpleName("Contact").or().haveSimpleName("WorkspaceCustomFields")
                .or().resideInAnyPackage("..command.details..", "..command.violations..", "..command.text..", "..command.tags..", "..command.notes..")
                .or().haveSimpleNameEndingWith("Rules").or().haveSimpleNameEndingWith("Rule")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "org.springframework.jdbc..", "java.sql..", "com.fasterxml.jackson.databind..", "tools.jackson..",
                        "io.contactledger.support.web..", "io.contactledger.command.web..")
                .check(classes);
    }
}
