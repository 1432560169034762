-- What the single table holds: one row per entity type.
SELECT type, count(*) AS items
FROM "lambda:ddb"."default"."ecommerce"
GROUP BY type
ORDER BY type;

-- One customer, by primary key (PK = SK = CUSTOMER#<username>).
SELECT username, name, c.address.city AS city, interests, totalorders, totalspent
FROM ddb.default.ecommerce AS c
WHERE pk = 'CUSTOMER#ada_lovelace_000' AND sk = 'CUSTOMER#ada_lovelace_000';

-- All orders of one customer: one Query on the customer's partition; the LIKE prefix becomes a sort-key range.
SELECT sk, createdat, status, amount
FROM ddb.default.ecommerce
WHERE pk = 'CUSTOMER#frances_allen_424' AND sk LIKE '#ORDER#%'
ORDER BY sk;

-- The latest three orders of one customer: a top-N on the sort key reads the partition backwards
-- (ScanIndexForward = false) and stops after three orders.
SELECT sk, createdat, status, amount
FROM ddb.default.ecommerce
WHERE pk = 'CUSTOMER#hedy_liskov_028' AND sk LIKE '#ORDER#%'
ORDER BY sk DESC
LIMIT 3;

-- A look at a few rows: a plain LIMIT reads about that many items, in one split.
SELECT pk, sk, type
FROM ddb.default.ecommerce
LIMIT 5;

-- Orders by status ("status" is a DynamoDB reserved word).
SELECT status, count(*) AS orders, sum(amount) AS revenue
FROM ddb.default.ecommerce
WHERE type = 'Order'
GROUP BY status
ORDER BY revenue DESC;

-- Top 5 products sold in October 2026: order items joined to their orders, two slices of one table.
SELECT i.productname, sum(i.quantity) AS units, sum(i.quantity * i.price) AS revenue
FROM ddb.default.ecommerce AS o
JOIN ddb.default.ecommerce AS i ON i.pk = 'ORDER#' || o.orderid
WHERE o.type = 'Order' AND i.type = 'OrderItem'
  AND o.status <> 'CANCELLED'
  AND o.createdat >= '2026-10-01' AND o.createdat < '2026-11-01'
GROUP BY i.productname
ORDER BY revenue DESC
LIMIT 5;

-- Monthly revenue of the last six months.
SELECT substring(createdat FROM 1 FOR 7) AS yearmonth, count(*) AS orders, sum(amount) AS revenue
FROM ddb.default.ecommerce
WHERE type = 'Order' AND status <> 'CANCELLED' AND createdat >= '2026-05-01'
GROUP BY substring(createdat FROM 1 FOR 7)
ORDER BY yearmonth;

-- The five biggest spenders: GSI1 holds only the customers who ordered, sorted by what they
-- spent (GSI1SK). "gsi1sk IS NOT NULL" tells the connector that items without the index's sort
-- key cannot match, so the sparse index holds every row the query needs; ORDER BY its sort key
-- with LIMIT reads just five items, from the top.
SELECT username, c.address.city AS city, totalspent
FROM ddb.default.ecommerce AS c
WHERE gsi1pk = 'CUSTOMER' AND gsi1sk IS NOT NULL
ORDER BY gsi1sk DESC
LIMIT 5;

-- Entity views (examples/ecommerce/tables.json): each entity type of the single table as a table
-- of its own, with only its columns. Top customers by spend in the sample's last 30 days.
SELECT c.username, c.address.city AS city, count(*) AS orders, sum(o.amount) AS spent
FROM ddb.shop.orders AS o
JOIN ddb.shop.customers AS c ON c.username = o.username
WHERE o.createdat >= '2026-10-02' AND o.status <> 'CANCELLED'
GROUP BY c.username, c.address.city
ORDER BY spent DESC
LIMIT 5;

-- Top-selling products, by the order_items view.
SELECT productname, category, sum(quantity) AS units, sum(quantity * price) AS revenue
FROM ddb.shop.order_items
GROUP BY productname, category
ORDER BY revenue DESC
LIMIT 5;

-- One order's items: the view's key prefix (SK begins with ITEM#) and the partition key make one Query.
SELECT sk, productname, quantity, price
FROM ddb.shop.order_items
WHERE pk = 'ORDER#O000002'
ORDER BY sk;
