package io.contactledger.events;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** The wire contract depends on nothing but the JDK, Axon's @Revision and Jackson's annotations. */
class SharedEventsDependencyTest {

    @Test
    void eventsDependOnlyOnTheJdkAndAnnotations() {
        JavaClasses events = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.contactledger.events");

        classes().should().onlyDependOnClassesThat(
                        resideInAnyPackage("java..", "io.contactledger.events..", "com.fasterxml.jackson.annotation..")
                                .or(belongToAnyOf(Revision.class)))
                .check(events);
    }
}
