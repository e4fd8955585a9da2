@extension:accept-terms @doc:accept-terms @needs:terms-of-use
Feature: Accounts are created only once the terms of use are accepted
  "AcceptTerms adds one required checkbox, acceptterms, to account creation; without it the wiki refuses
  the account with the messagecode acceptterms-required."

  @id:accept-terms-announced @read-only
  Scenario: authmanagerinfo announces the terms-of-use checkbox
    When I ask authmanagerinfo which fields account creation uses
    Then the terms of use are a required checkbox

  @id:accept-terms-refused @may-create-account
  Scenario: An account is refused unless the terms are accepted
    Given I have fetched the fields and a createaccount token
    When I submit a new account without accepting the terms of use
    Then account creation fails with messagecode "acceptterms-required"
    And no account was created

  @id:accept-terms-accepted @creates-account
  Scenario: An account is created once the terms are accepted
    Given I have fetched the fields and a createaccount token
    When I submit a new account accepting the terms of use
    Then account creation passes for that username
    And the account exists
