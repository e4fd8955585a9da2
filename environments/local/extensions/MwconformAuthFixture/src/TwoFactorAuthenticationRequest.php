<?php
namespace MediaWiki\Extension\MwconformAuthFixture;

use MediaWiki\Auth\AuthenticationRequest;

/** The documentation's TwoFactorAuthenticationRequest: setup instructions, the secret in metadata, a code field. */
class TwoFactorAuthenticationRequest extends AuthenticationRequest {
	public $required = self::OPTIONAL;
	/** @var string|null */
	public $code;
	/** @var string */
	private $account;
	/** @var string */
	private $secret;

	public function __construct( string $account = '', string $secret = '' ) {
		$this->account = $account;
		$this->secret = $secret;
	}

	public function getUniqueId() {
		return 'TwoFactorAuthenticationRequest';
	}

	public function getMetadata() {
		return [ 'account' => $this->account, 'secret' => Totp::display( $this->secret ) ];
	}

	public function getFieldInfo() {
		$uri = 'otpauth://totp/' . rawurlencode( 'mwconform:' . $this->account ) . '?secret=' . $this->secret
			. '&issuer=mwconform&algorithm=SHA1&digits=6&period=30';
		return [
			'2FAInfo' => [
				'type' => 'null',
				'label' => wfMessage( 'mwconformauthfixture-2fa-info-label' )
					->plaintextParams( $this->account, Totp::display( $this->secret ), $uri ),
				'help' => wfMessage( 'mwconformauthfixture-2fa-info-help' ),
			],
			'code' => [
				'type' => 'string',
				'label' => wfMessage( 'mwconformauthfixture-2fa-code-label' ),
				'help' => wfMessage( 'mwconformauthfixture-2fa-code-help' ),
			],
		];
	}

	public function describeCredentials() {
		return [ 'provider' => new \RawMessage( '' ), 'account' => new \RawMessage( '' ) ];
	}
}
