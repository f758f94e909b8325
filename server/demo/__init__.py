"""The deterministic demo organisation "Kinderopvang Zonnebloem" (`ouderportaal-server demo`,
`ouderportaal --demo`, and the data every server test starts from).

- `logins`: the documented demo accounts and their shared password;
- `database`: migrate a database and build the demo in it when it is empty;
- `organisation`: locations, groups, staff, closing days, families and their contracts;
- `agenda`: the De Vries family's absences, credit and extra-day requests;
- `finance`: tariffs, payment details and the invoices of past months;
- `data`: the fixed ingredients (names, addresses, groups, holidays, rates).
"""
