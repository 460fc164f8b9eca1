package io.contactledger.support.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Dependencies between the capability packages of an application run one way: no package imports
 * one that (directly or through others) imports it back.
 */
public final class OneWayPackages {

    private OneWayPackages() {
    }

    /** Fails with the cycles found among the direct sub-packages of {@code root}. */
    public static void check(String root, boolean includeTests) {
        ClassFileImporter importer = new ClassFileImporter();
        if (!includeTests) {
            importer = importer.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        }
        JavaClasses classes = importer.importPackages(root);
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
