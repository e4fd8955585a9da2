<?php
namespace MediaWiki\Extension\MwconformAuthFixture;

use MediaWiki\Auth\AbstractSecondaryAuthenticationProvider;
use MediaWiki\Auth\AuthenticationRequest;
use MediaWiki\Auth\AuthenticationResponse;
use MediaWiki\Auth\ButtonAuthenticationRequest;

/**
 * After an account was created through the OpenID Connect provider, asks (UI) to set up
 * two-factor authentication, as in the documentation's example: a secret to add to an app, the
 * current code (a real RFC 6238 TOTP), or the skip2FASetup button. A wrong code shows the same
 * UI again with an error message. Accounts created with a password are not asked, so the rest of
 * the contract runs on this wiki as on any other.
 */
class TwoFactorSetupSecondaryAuthenticationProvider extends AbstractSecondaryAuthenticationProvider {
	private const SECRET = 'MwconformTwoFactor::secret';

	public function getAuthenticationRequests( $action, array $options ) {
		return [];
	}

	public function beginSecondaryAuthentication( $user, array $reqs ) {
		return AuthenticationResponse::newAbstain();
	}

	public function beginSecondaryAccountCreation( $user, $creator, array $reqs ) {
		if ( !$this->manager->getAuthenticationSessionData( OidcPrimaryAuthenticationProvider::CREATED_HERE ) ) {
			return AuthenticationResponse::newAbstain();
		}
		$secret = Totp::newSecret();
		$this->manager->setAuthenticationSessionData( self::SECRET, $secret );
		return $this->ask( $user->getName(), $secret, 'mwconformauthfixture-2fa-setup' );
	}

	public function continueSecondaryAccountCreation( $user, $creator, array $reqs ) {
		$secret = $this->manager->getAuthenticationSessionData( self::SECRET );
		if ( AuthenticationRequest::getRequestByClass( $reqs, ButtonAuthenticationRequest::class ) ) {
			$this->manager->removeAuthenticationSessionData( self::SECRET );
			return AuthenticationResponse::newPass();
		}
		/** @var TwoFactorAuthenticationRequest|null $answer */
		$answer = AuthenticationRequest::getRequestByClass( $reqs, TwoFactorAuthenticationRequest::class );
		if ( is_string( $secret ) && $answer && Totp::verify( $secret, (string)$answer->code, time() ) ) {
			$this->manager->removeAuthenticationSessionData( self::SECRET );
			return AuthenticationResponse::newPass();
		}
		return $this->ask( $user->getName(), (string)$secret, 'mwconformauthfixture-2fa-wrong-code' );
	}

	private function ask( string $account, string $secret, string $message ) {
		$skip = new ButtonAuthenticationRequest( 'skip2FASetup',
			wfMessage( 'mwconformauthfixture-2fa-skip-label' ), wfMessage( 'mwconformauthfixture-2fa-skip-help' ) );
		return AuthenticationResponse::newUI(
			[ new TwoFactorAuthenticationRequest( $account, $secret ), $skip ], wfMessage( $message ), 'error' );
	}
}
