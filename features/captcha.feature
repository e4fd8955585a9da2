@doc:example-2 @needs:anonymous-creation @needs:captcha @needs:fillable-form
Feature: Account creation on a wiki with a CAPTCHA
  Example 2, "Process on a wiki with a CAPTCHA extension": authmanagerinfo announces a
  CaptchaAuthenticationRequest whose fields are captchaId ("This value should be sent back unchanged."),
  captchaInfo ("Description of the CAPTCHA.") and captchaWord ("Solution of the CAPTCHA."); the client
  posts captchaId and captchaWord with the other fields. The table of possible errors:
    captcha-createaccount-fail  "Incorrect or missing CAPTCHA."
  How the CAPTCHA is answered depends on the deployment: arithmetic is computed, QuestyCaptcha answers
  come from the environment file, and a user with ConfirmEdit's skipcaptcha right is not asked; an image
  CAPTCHA that none of these can answer makes these scenarios not applicable.

  @id:captcha-solved @creates-account
  Scenario: An account is created when the CAPTCHA is answered
    Given I have fetched the fields and a createaccount token
    Then authmanagerinfo describes a CAPTCHA with the fields captchaId, captchaInfo and captchaWord
    When I create an account with a fresh username and a strong password
    Then account creation passes for that username
    And the account exists

  @id:captcha-wrong-answer @may-create-account
  Scenario: A wrong answer to the CAPTCHA fails
    Given I have fetched the fields and a createaccount token
    When I create an account with a wrong answer to the CAPTCHA
    Then account creation fails with messagecode "captcha-createaccount-fail"
    And no account was created

  @id:captcha-missing @may-create-account
  Scenario: A request without an answer to the CAPTCHA fails
    Given I have fetched the fields and a createaccount token
    When I create an account without answering the CAPTCHA
    Then account creation fails with messagecode "captcha-createaccount-fail"
    And no account was created

  @id:captcha-after-failure @creates-account @beyond-docs
  Scenario: After a wrong answer, the client asks authmanagerinfo for a new CAPTCHA
    The documentation does not say what follows a failed CAPTCHA. ConfirmEdit forgets a CAPTCHA once it
    was answered wrongly, and the FAIL carries no new one: the client fetches the fields again.
    Given I have fetched the fields and a createaccount token
    When I create an account with a wrong answer to the CAPTCHA
    And I create the account again, answering the same CAPTCHA correctly
    Then account creation fails with messagecode "captcha-createaccount-fail"
    When I fetch a new CAPTCHA from authmanagerinfo and create the account again
    Then account creation passes for that username
    And the account exists

  @id:captcha-skipped-by-right @needs:creator-skips-captcha @creates-account @beyond-docs
  Scenario: A user with the skipcaptcha right is asked no CAPTCHA
    ConfirmEdit's skipcaptcha right: the wiki asks anonymous visitors, not this user.
    Given I am logged in as a user who may create accounts
    And I have fetched the fields and a createaccount token as that user
    Then authmanagerinfo asks me no CAPTCHA
    When I create an account for someone else with the reason "mwconform: no CAPTCHA for this user"
    Then account creation passes for that username
    And the account exists
