<?php
namespace MediaWiki\Extension\MwconformAuthFixture;

use MediaWiki\Auth\AuthenticationRequest;
use MediaWiki\Auth\ButtonAuthenticationRequest;

/** "Log in with OpenID Connect": a button, required only when this provider is the one chosen. */
class OidcBeginAuthenticationRequest extends ButtonAuthenticationRequest {
	public const BUTTON = 'mwconformoidclogin';

	public function __construct() {
		parent::__construct( self::BUTTON, wfMessage( 'mwconformauthfixture-oidc-button-label' ),
			wfMessage( 'mwconformauthfixture-oidc-button-help' ) );
		$this->required = AuthenticationRequest::PRIMARY_REQUIRED;
	}

	public function describeCredentials() {
		return [
			'provider' => wfMessage( 'mwconformauthfixture-oidc-provider' ),
			'account' => wfMessage( 'mwconformauthfixture-oidc-provider' ),
		];
	}
}
