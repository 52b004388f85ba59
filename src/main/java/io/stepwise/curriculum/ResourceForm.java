package io.stepwise.curriculum;

import io.stepwise.curriculum.CurriculumAdministration.ResourceDetail;
import io.stepwise.curriculum.CurriculumEdits.AddResource;
import io.stepwise.curriculum.CurriculumEdits.Basis;
import io.stepwise.curriculum.CurriculumEdits.EditResource;
import io.stepwise.curriculum.CurriculumEdits.ResourceContent;
import io.stepwise.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The form that adds or edits a resource of a week. Its week is the one in the address.
 *
 * @param url an http or https address, or blank for a resource without a link
 * @param kind a value that is not a kind is refused with "typeMismatch.kind"
 * @param description shown as plain text after the title, may be empty
 */
record ResourceForm(
		@NotBlank(message = "{admin.curriculum.resource.title.required}") @Size(max = ContentLimits.RESOURCE_TITLE,
				message = "{admin.curriculum.resource.title.tooLong}") @PlainText String title,
		@Size(max = ContentLimits.URL, message = "{admin.curriculum.resource.url.tooLong}") @WebLink String url,
		@NotNull(message = "{admin.curriculum.resource.kind.required}") ResourceKind kind,
		@Size(max = ContentLimits.RESOURCE_DESCRIPTION,
				message = "{admin.curriculum.resource.description.tooLong}") @PlainText String description,
		Long version) {

	static ResourceForm empty(long version) {
		return new ResourceForm("", "", ResourceKind.DOCUMENT, "", version);
	}

	static ResourceForm of(ResourceDetail resource) {
		return new ResourceForm(resource.title(), (resource.url() != null) ? resource.url() : "", resource.kind(),
				resource.description(), resource.at().place().version());
	}

	ResourceForm over(long version) {
		return new ResourceForm(this.title, this.url, this.kind, this.description, version);
	}

	AddResource toAdd(Basis basis, long weekId) {
		return new AddResource(basis, weekId, content());
	}

	EditResource toEdit(Basis basis, long resourceId) {
		return new EditResource(basis, resourceId, content());
	}

	private ResourceContent content() {
		return new ResourceContent(this.title, this.url, this.kind, (this.description != null) ? this.description : "");
	}

}
