<?php
namespace MediaWiki\Extension\MwconformAuthFixture;

use MediaWiki\Auth\AuthenticationRequest;

/** What the browser brings back to the return URL: the documentation's code and state fields. */
class OpenIdConnectResponseAuthenticationRequest extends AuthenticationRequest {
	/** @var string|null */
	public $code;
	/** @var string|null */
	public $state;

	public function getUniqueId() {
		return 'OpenIdConnectResponseAuthenticationRequest';
	}

	public function getFieldInfo() {
		return [
			'code' => [
				'type' => 'string',
				'label' => wfMessage( 'mwconformauthfixture-oidc-code-label' ),
				'help' => wfMessage( 'mwconformauthfixture-oidc-code-help' ),
			],
			'state' => [
				'type' => 'string',
				'label' => wfMessage( 'mwconformauthfixture-oidc-state-label' ),
				'help' => wfMessage( 'mwconformauthfixture-oidc-state-help' ),
			],
		];
	}

	public function describeCredentials() {
		return [
			'provider' => wfMessage( 'mwconformauthfixture-oidc-provider' ),
			'account' => new \RawMessage( '' ),
		];
	}
}
