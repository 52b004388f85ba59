package io.stepwise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package is a module. Modules may use only each other's public types in
 * the base package, and may not depend on each other in a cycle.
 */
class ModularityTest {

	private final ApplicationModules modules = ApplicationModules.of(StepwiseApplication.class);

	@Test
	void modulesKeepTheirBoundariesAndHaveNoCycles() {
		this.modules.verify();
	}

	@Test
	void everyFeaturePackageIsAModule() {
		assertThat(this.modules.stream().map(ApplicationModule::getBasePackage).map((p) -> p.getName()))
			.containsExactlyInAnyOrder("io.stepwise.account", "io.stepwise.audit", "io.stepwise.authoring",
					"io.stepwise.cohort", "io.stepwise.curriculum", "io.stepwise.demo", "io.stepwise.progress",
					"io.stepwise.system");
	}

	@Test
	void systemDependsOnNoOtherModule() {
		ApplicationModule system = this.modules.getModuleByName("system").orElseThrow();
		assertThat(system.getDirectDependencies(this.modules).uniqueModules()).isEmpty();
	}

	/**
	 * Writes PlantUML diagrams and module canvases to target/spring-modulith-docs; all
	 * local, nothing is fetched.
	 */
	@Test
	void writesTheModuleDocumentation() throws IOException {
		Path output = Path.of("target", "spring-modulith-docs");
		FileSystemUtils.deleteRecursively(output);
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
		try (Stream<Path> files = Files.list(output)) {
			assertThat(files.map((file) -> file.getFileName().toString())).contains("components.puml",
					"module-progress.puml", "module-progress.adoc");
		}
	}

}
