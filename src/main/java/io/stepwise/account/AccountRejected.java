package io.stepwise.account;

/**
 * An account change the rules refuse, named by the form field it concerns and a message
 * code.
 */
class AccountRejected extends RuntimeException {

	private final String field;

	private final String code;

	AccountRejected(String field, String code) {
		super(field + ": " + code);
		this.field = field;
		this.code = code;
	}

	String field() {
		return this.field;
	}

	String code() {
		return this.code;
	}

}
