<?php
namespace MediaWiki\Extension\MwconformAuthFixture;

use MediaWiki\Auth\AbstractPrimaryAuthenticationProvider;
use MediaWiki\Auth\AuthenticationRequest;
use MediaWiki\Auth\AuthenticationResponse;
use MediaWiki\Auth\AuthManager;
use StatusValue;

/**
 * Account creation and login through an OpenID Connect provider, the way the documentation's
 * "complex example" describes it: choosing the provider answers REDIRECT to its authorize
 * endpoint; the browser comes back to createreturnurl with code and state; createcontinue with
 * them PASSes once the state matches this session's attempt and the code is redeemed (once).
 *
 * A login whose third-party account is linked to no local account PASSes without a username, so
 * AuthManager answers RESTART and keeps the verified identity for createpreservestate.
 */
class OidcPrimaryAuthenticationProvider extends AbstractPrimaryAuthenticationProvider {
	private const STATE = 'MwconformOidc::state';
	private const NONCE = 'MwconformOidc::nonce';
	private const SUBJECT = 'MwconformOidc::subject';
	/** Set when this provider created the account: the two-factor setup asks only these accounts. */
	public const CREATED_HERE = 'MwconformOidc::createdHere';

	public function getAuthenticationRequests( $action, array $options ) {
		switch ( $action ) {
			case AuthManager::ACTION_LOGIN:
			case AuthManager::ACTION_CREATE:
				return [ new OidcBeginAuthenticationRequest() ];
			default:
				return [];
		}
	}

	public function beginPrimaryAuthentication( array $reqs ) {
		return $this->redirectIfChosen( $reqs, AuthManager::ACTION_LOGIN_CONTINUE );
	}

	public function continuePrimaryAuthentication( array $reqs ) {
		$identity = $this->redeem( $reqs );
		if ( $identity instanceof AuthenticationResponse ) {
			return $identity;
		}
		$linked = OidcStandIn::linkedUser( $identity['subject'] );
		if ( $linked !== null ) {
			return AuthenticationResponse::newPass( $linked );
		}
		// Authenticated, but no linked local account: AuthManager turns this into RESTART.
		$response = AuthenticationResponse::newPass( null );
		$response->createRequest = new OidcIdentityAuthenticationRequest(
			$identity['subject'], $identity['preferred_username'] );
		return $response;
	}

	public function beginPrimaryAccountCreation( $user, $creator, array $reqs ) {
		$preserved = AuthenticationRequest::getRequestByClass( $reqs, OidcIdentityAuthenticationRequest::class );
		if ( $preserved ) {
			// Verified during the login that answered RESTART; kept server-side in the session.
			if ( OidcStandIn::linkedUser( $preserved->subject ) !== null ) {
				return AuthenticationResponse::newFail( wfMessage( 'mwconformauthfixture-oidc-already-linked' ) );
			}
			$this->manager->setAuthenticationSessionData( self::SUBJECT, $preserved->subject );
			return AuthenticationResponse::newPass( $user->getName() );
		}
		return $this->redirectIfChosen( $reqs, AuthManager::ACTION_CREATE_CONTINUE );
	}

	public function continuePrimaryAccountCreation( $user, $creator, array $reqs ) {
		$identity = $this->redeem( $reqs );
		if ( $identity instanceof AuthenticationResponse ) {
			return $identity;
		}
		if ( OidcStandIn::linkedUser( $identity['subject'] ) !== null ) {
			return AuthenticationResponse::newFail( wfMessage( 'mwconformauthfixture-oidc-already-linked' ) );
		}
		if ( $this->config->get( 'MwconformAuthFixtureRestartOnCreate' ) ) {
			// Evidence only (off by default): what RESTART causes during account creation.
			return AuthenticationResponse::newRestart( wfMessage( 'authmanager-authn-no-local-user' ) );
		}
		$this->manager->setAuthenticationSessionData( self::SUBJECT, $identity['subject'] );
		return AuthenticationResponse::newPass( $user->getName() );
	}

	public function finishAccountCreation( $user, $creator, AuthenticationResponse $response ) {
		$subject = $this->manager->getAuthenticationSessionData( self::SUBJECT );
		if ( is_string( $subject ) ) {
			OidcStandIn::link( $subject, $user->getName() );
			$this->manager->setAuthenticationSessionData( self::CREATED_HERE, true );
		}
		return null;
	}

	/** REDIRECT to the provider when the client chose it (pressed its button); otherwise not our business. */
	private function redirectIfChosen( array $reqs, string $continueAction ) {
		if ( !AuthenticationRequest::getRequestByClass( $reqs, OidcBeginAuthenticationRequest::class ) ) {
			return AuthenticationResponse::newAbstain();
		}
		$begin = AuthenticationRequest::getRequestByClass( $reqs, OidcBeginAuthenticationRequest::class );
		$state = OidcStandIn::newSecret();
		$nonce = OidcStandIn::newSecret();
		$this->manager->setAuthenticationSessionData( self::STATE, $state );
		$this->manager->setAuthenticationSessionData( self::NONCE, $nonce );
		OidcStandIn::rememberReturnUrl( $state, (string)$begin->returnToUrl );
		return AuthenticationResponse::newRedirect(
			[ new OpenIdConnectResponseAuthenticationRequest() ], OidcStandIn::authorizeUrl( $state, $nonce ) );
	}

	/**
	 * The identity behind the returned code, or a FAIL: code and state must both be there, the
	 * state must be this session's current one (used once), the code must be one the provider issued
	 * for that state (redeemed once).
	 * @return array|AuthenticationResponse
	 */
	private function redeem( array $reqs ) {
		$expected = $this->manager->getAuthenticationSessionData( self::STATE );
		$nonce = $this->manager->getAuthenticationSessionData( self::NONCE );
		/** @var OpenIdConnectResponseAuthenticationRequest|null $response */
		$response = AuthenticationRequest::getRequestByClass( $reqs, OpenIdConnectResponseAuthenticationRequest::class );
		if ( !$response || (string)$response->code === '' || (string)$response->state === '' ) {
			return AuthenticationResponse::newFail( wfMessage( 'mwconformauthfixture-oidc-no-response' ) );
		}
		// A state is good for one answer, right or wrong: a replay finds nothing to match.
		$this->manager->removeAuthenticationSessionData( self::STATE );
		if ( !is_string( $expected ) || !hash_equals( $expected, (string)$response->state ) ) {
			return AuthenticationResponse::newFail( wfMessage( 'mwconformauthfixture-oidc-bad-state' ) );
		}
		$identity = OidcStandIn::redeemCode( (string)$response->code );
		if ( $identity === null || $identity['state'] !== $expected || $identity['nonce'] !== $nonce ) {
			return AuthenticationResponse::newFail( wfMessage( 'mwconformauthfixture-oidc-bad-code' ) );
		}
		return $identity;
	}

	public function testUserExists( $username, $flags = \User::READ_NORMAL ) {
		return OidcStandIn::hasLinkedSubject( $username );
	}

	public function providerAllowsAuthenticationDataChange( AuthenticationRequest $req, $checkData = true ) {
		return StatusValue::newGood( 'ignored' );
	}

	public function providerChangeAuthenticationData( AuthenticationRequest $req ) {
	}

	public function accountCreationType() {
		return self::TYPE_CREATE;
	}
}
