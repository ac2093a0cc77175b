package org.yousaid.shared.services;

/**
 * One service of a council's Open Referral UK (HSDS 3.0) feed, as much of it as yousaid uses.
 *
 * @param id the ORUK service id (usually a UUID), the key page feedback and published summaries use
 * @param url the service's own web page, or null
 * @param status active, inactive, defunct or temporarily closed (null if the feed does not say)
 * @param organisation the name of the organisation that runs it, or null
 */
public record OrukService(String id, String name, String url, String status, String organisation) {}
