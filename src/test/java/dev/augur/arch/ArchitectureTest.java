package dev.augur.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering rules of docs/architecture.md, checked on every build. */
@AnalyzeClasses(packages = "dev.augur", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreNeverImportsJavaFx = noClasses().that().resideInAPackage("dev.augur.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..", "org.kordamp..")
            .because("core services run headless: in the CLI, in tests and on batch machines");

    @ArchTest
    static final ArchRule onlyTheStoreTouchesJdbc = noClasses().that().resideOutsideOfPackage("dev.augur.core.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
            .because("the workspace schema, transactions and migrations live in one place");

    @ArchTest
    static final ArchRule onlyTheEncoderTouchesDjl = noClasses().that().resideOutsideOfPackage("dev.augur.core.encode..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "ai.onnxruntime..")
            .because("native engines load in one place, offline, with one predictor per thread");

    @ArchTest
    static final ArchRule onlyTheLlmPackageTouchesLlama = noClasses().that().resideOutsideOfPackage("dev.augur.core.llm..")
            .should().dependOnClassesThat().resideInAnyPackage("de.kherud..", "java.net.http..")
            .because("LLM calls (in process or over HTTP) are cached and traced in one place, never a hidden per-request dependency");

    @ArchTest
    static final ArchRule uiDoesNotUseCli = noClasses().that().resideInAPackage("dev.augur.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.augur.cli..")
            .because("ui and cli are two shells over the same core services");

    @ArchTest
    static final ArchRule cliDoesNotUseUi = noClasses().that().resideInAPackage("dev.augur.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.augur.ui..")
            .because("ui and cli are two shells over the same core services");

    @ArchTest
    static final ArchRule coreDoesNotUseTheShells = noClasses().that().resideInAPackage("dev.augur.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.augur.ui..", "dev.augur.cli..", "dev.augur.app..")
            .because("dependencies point inwards, to core");
}
