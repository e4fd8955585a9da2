@interactive @doc:module-help
Feature: The parameters of an interactive account creation
  "createcontinue: This request is a continuation after an earlier UI or REDIRECT response. Either this or
  createreturnurl is required." "createrequests: Only use these authentication requests, by the id returned
  from action=query&meta=authmanagerinfo with amirequestsfor=create or from a previous response from this
  module." "If action=query&meta=authmanagerinfo returned true for hasprimarypreservedstate, ... If it
  returned a non-empty value for preservedusername, that username must be used."

  @id:createcontinue-not-in-progress @needs:anonymous-creation @may-create-account
  Scenario: createcontinue with no account creation in progress fails
    Given I have fetched the fields and a createaccount token
    When I continue an account creation with createcontinue that was never started
    Then account creation fails with messagecode "authmanager-create-not-in-progress"
    And no account was created

  @id:createrequests-limits @needs:anonymous-creation @needs:fillable-form @may-create-account
  Scenario: createrequests limits the requests used: without the password request, nothing can create the account
    The password and retype fields are sent, but the request that uses them is not named.
    Given I have fetched the fields and a createaccount token
    When I create an account with createrequests naming every announced request except the ones asking for a password
    Then account creation fails with messagecode "authmanager-create-no-primary"
    And no account was created

  @id:authmanagerinfo-state-members @read-only
  Scenario: authmanagerinfo tells whether a login left state to preserve
    Given I fetch the fields for account creation
    Then authmanagerinfo announces canauthenticatenow and, with nothing preserved, an empty preservedusername
