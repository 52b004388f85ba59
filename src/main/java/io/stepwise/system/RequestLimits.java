package io.stepwise.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a request may send, by what it is for.
 *
 * @param maxBodySize the largest body of any request not named below: JSON, forms, htmx
 * posts
 * @param maxEditorBodySize the largest form posted to the curriculum editor, whose
 * introduction alone may have 20,000 characters (up to nine bytes each, URL-encoded);
 * keep {@code server.tomcat.max-http-form-post-size} at this size, since the container
 * reads form bodies itself
 * @param maxUploadSize the largest body posted to an upload path; the multipart limits
 * ({@code spring.servlet.multipart.*}) and the importer's own 1 MiB apply within it
 */
@ConfigurationProperties("stepwise.requests")
record RequestLimits(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("256KB") DataSize maxEditorBodySize,
		@DefaultValue("2MB") DataSize maxUploadSize) {

	/** Where files are uploaded: the only places a multipart body is read. */
	static final String PAGE_UPLOAD = "/admin/curricula/import";

	static final String API_UPLOAD = "/api/v1/admin/imports";

	private static final String EDITOR = "/admin/curricula/";

	static boolean isUpload(String method, String path) {
		return "POST".equals(method) && (PAGE_UPLOAD.equals(path) || API_UPLOAD.equals(path));
	}

	long limitFor(String method, String path) {
		if (isUpload(method, path)) {
			return this.maxUploadSize.toBytes();
		}
		return path.startsWith(EDITOR) ? this.maxEditorBodySize.toBytes() : this.maxBodySize.toBytes();
	}

}
