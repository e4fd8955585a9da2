@doc:example-2 @needs:anonymous-creation @needs:captcha-announced
Feature: What a client meets at a CAPTCHA it cannot solve
  Example 2, "Process on a wiki with a CAPTCHA extension": authmanagerinfo announces a CaptchaAuthenticationRequest
  whose fields are captchaId, captchaInfo and captchaWord. The table of possible errors:
    captcha-createaccount-fail  "Incorrect or missing CAPTCHA."
  Wikimedia's wikis guard account creation with hCaptcha (ConfirmEdit's hCaptcha module), whose answer is a token
  that only the vendor's servers verify: a headless client can answer none. What such a wiki announces, and what it
  answers to a missing or unverifiable answer, is judged here without solving anything; the scenarios that solve the
  CAPTCHA (captcha.feature) are not applicable there, with the CAPTCHA's kind as evidence. Every deployment's column
  in the matrix names the kind of CAPTCHA it asks, classified from authmanagerinfo's metadata.

  @id:captcha-announced-fields @read-only
  Scenario: Authmanagerinfo describes the CAPTCHA with the documented fields
    When I ask authmanagerinfo which fields account creation uses
    Then authmanagerinfo describes a CAPTCHA with the fields captchaId, captchaInfo and captchaWord

  @id:captcha-missing-unsolvable @may-create-account
  Scenario: A request without an answer to the CAPTCHA fails, whatever its kind
    Given I have fetched the fields and a createaccount token
    When I create an account without answering the CAPTCHA
    Then account creation fails with messagecode "captcha-createaccount-fail"
    And no account was created

  @id:captcha-unverifiable @may-create-account
  Scenario: An answer that no CAPTCHA issued fails
    Given I have fetched the fields and a createaccount token
    When I create an account with an answer to the CAPTCHA that no CAPTCHA issued
    Then account creation fails with messagecode "captcha-createaccount-fail"
    And no account was created
