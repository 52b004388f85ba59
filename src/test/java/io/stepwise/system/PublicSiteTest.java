package io.stepwise.system;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PublicSiteTest {

	@Test
	void joinsPathsToTheConfiguredAddressWithOrWithoutATrailingSlash() {
		assertThat(new PublicSite(URI.create("https://learn.example.org/")).urlOf("/curricula/a"))
			.isEqualTo("https://learn.example.org/curricula/a");
		assertThat(new PublicSite(URI.create("https://example.org/school")).urlOf("/sitemap.xml"))
			.isEqualTo("https://example.org/school/sitemap.xml");
	}

	@Test
	void refusesAddressesThatAreNotHttp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicSite(URI.create("javascript:alert(1)")));
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicSite(URI.create("ftp://example.org")));
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicSite(URI.create("https://example.org/?a=b")));
	}

	@Test
	void refusesRelativePaths() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PublicSite(URI.create("https://example.org")).urlOf("curricula"));
	}

}
