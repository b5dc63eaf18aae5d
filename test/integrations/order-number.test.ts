/** Order numbers in realistic customer sentences, and the numbers that are not order numbers. */
import { describe, expect, it } from 'vitest';
import { extractOrderNumber, extractOrderNumbers } from '../../connector/src/integrations/lookups/order-number.js';

describe('extractOrderNumber', () => {
  it.each([
    ['Hi, where is my order NW-123456? It was supposed to arrive Monday.', 'NW-123456'],
    ["I ordered a jacket last week (#1234) and it still hasn't shipped", '1234'],
    ['My order 123456789 never arrived.', '123456789'],
    ['Hello,\nmy order number is 55512 and the tracking has not moved in 4 days', '55512'],
    ['Order no. 4821 is missing an item', '4821'],
    ['Can you check order #1002 please', '1002'],
    ['Re: Order #NW-99881 delayed', 'NW-99881'],
    ['my order nw-123456 is late!!', 'NW-123456'],
    ['The order ID: 7781234 still shows processing', '7781234'],
    ['Your order confirmation code is AB1234 according to the e-mail', 'AB1234'],
    ['Hi,\nOrder: 100234\nThanks, Lee', '100234'],
  ])('finds it in %j', (text, expected) => {
    expect(extractOrderNumber(text)).toBe(expected);
  });

  it.each([
    ['Call me at 555-123-4567 about my order'],
    ['Call me on +44 20 7946 0958 please, my order is late'],
    ['my phone number is 07700 900123'],
    ['order 555 123 4567'],
    ['I placed an order on 2024-01-15 and nothing yet'],
    ['I placed the order 12/03/2024'],
    ['I was charged $1234.56 for this order'],
    ['It costs €129900 apparently'],
    ['I want to order 1000 units for our team'],
    ['Order of 3 items placed yesterday'],
    ['my order from 2023 was fine'],
    ['I ordered 3 items 2 weeks ago'],
    ['See ticket #4567 for details'],
    ['Re: [#4567] Where is my parcel?'],
    ['Ship it to apartment #204 please'],
    ['We follow ISO-27001, RFC-12345 and fixed CVE-2024-12345'],
    ['Tracking 1Z999AA10123456784 shows nothing'],
    ["I am your #1 fan and I can't log in"],
  ])('finds none in %j', (text) => {
    expect(extractOrderNumber(text)).toBeNull();
  });

  it('lists every order number, first mentioned first', () => {
    expect(extractOrderNumbers('I have 2 orders: #1001 and #1002, both late')).toEqual(['1001', '1002']);
    expect(extractOrderNumbers('order 98765 arrived but order NW-55555 did not')).toEqual(['98765', 'NW-55555']);
  });
});
