<?php
namespace MediaWiki\Extension\MwconformAuthFixture;

use MediaWiki\Auth\AuthenticationRequest;

/**
 * A third-party identity already verified during a login that found no linked local account
 * (RESTART). AuthManager keeps it as the CreateFromLoginAuthenticationRequest's createRequest, so
 * that createpreservestate can create the account without another round trip to the provider.
 * It never comes from a client's submission: it has no fields.
 */
class OidcIdentityAuthenticationRequest extends AuthenticationRequest {
	/** @var string */
	public $subject;

	public function __construct( string $subject, string $preferredUsername ) {
		$this->subject = $subject;
		$this->username = $preferredUsername;
		$this->required = self::PRIMARY_REQUIRED;
	}

	public function getFieldInfo() {
		return [];
	}

	public function loadFromSubmission( array $data ) {
		return false;
	}
}
