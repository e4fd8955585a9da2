<?php

use MediaWiki\Auth\AuthenticationRequest;

/**
 * The one field this extension adds to account creation: a required checkbox. authmanagerinfo announces it
 * as the request "AcceptTermsAuthenticationRequest" with the field "acceptterms".
 */
class AcceptTermsAuthenticationRequest extends AuthenticationRequest {
	/** @var bool Whether the new user accepted the terms of use. */
	public $acceptterms = false;

	public function __construct() {
		$this->required = self::REQUIRED;
	}

	public function getFieldInfo() {
		return [
			'acceptterms' => [
				'type' => 'checkbox',
				'label' => wfMessage( 'acceptterms-label' ),
				'help' => wfMessage( 'acceptterms-help' ),
			],
		];
	}
}
