<?php

use MediaWiki\Auth\AbstractPreAuthenticationProvider;
use MediaWiki\Auth\AuthenticationRequest;
use MediaWiki\Auth\AuthManager;

/**
 * Refuses to create an account unless the terms of use were accepted. A pre-authentication provider runs before
 * any account exists, so a refusal here never leaves an account behind.
 */
class AcceptTermsPreAuthenticationProvider extends AbstractPreAuthenticationProvider {
	public function getAuthenticationRequests( $action, array $options ) {
		return $action === AuthManager::ACTION_CREATE ? [ new AcceptTermsAuthenticationRequest() ] : [];
	}

	public function testForAccountCreation( $user, $creator, array $reqs ) {
		// An unchecked required checkbox does not load at all (AuthenticationRequest::loadFromSubmission).
		$req = AuthenticationRequest::getRequestByClass( $reqs, AcceptTermsAuthenticationRequest::class );
		if ( !$req || !$req->acceptterms ) {
			return StatusValue::newFatal( 'acceptterms-required' );
		}
		return StatusValue::newGood();
	}
}
