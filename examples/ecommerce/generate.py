#!/usr/bin/env python3
"""Writes the sample single-table e-commerce data set (items.jsonl), deterministically.

The model is the one from "The DynamoDB Book" chapter on analytics: Customers, their Orders
and each Order's items share one table keyed by PK/SK, and GSI1 holds only Customers (a
sparse index: GSI1PK = "CUSTOMER", GSI1SK = TotalSpent). Each line is one item in DynamoDB
JSON, ready for BatchWriteItem. Run `python3 generate.py` to rebuild it; the seed is fixed,
so the output never changes unless this script does.
"""
import json
import random
from datetime import datetime, timedelta

SEED = 20261101
CUSTOMERS = 650
END = datetime(2026, 11, 1)
CITIES = ["Berlin", "London", "Paris", "Madrid", "Rome", "Vienna", "Lisbon", "Dublin"]
FIRST = ["Ada", "Alan", "Grace", "Linus", "Barbara", "Ken", "Margaret", "Dennis", "Frances", "Edsger",
         "Radia", "Donald", "Hedy", "John", "Katherine", "Tim"]
LAST = ["Lovelace", "Turing", "Hopper", "Torvalds", "Liskov", "Thompson", "Hamilton", "Ritchie",
        "Allen", "Dijkstra", "Perlman", "Knuth", "Lamarr", "Backus", "Johnson", "Berners-Lee"]
STATUSES = ["PLACED", "SHIPPED", "DELIVERED", "CANCELLED"]
PRODUCTS = [
    ("P-100", "Espresso machine", "Kitchen", "249.00"), ("P-101", "Coffee grinder", "Kitchen", "89.50"),
    ("P-102", "Milk frother", "Kitchen", "39.99"), ("P-200", "Trail shoes", "Outdoor", "129.00"),
    ("P-201", "Rain jacket", "Outdoor", "159.90"), ("P-202", "Headlamp", "Outdoor", "34.95"),
    ("P-300", "Mechanical keyboard", "Electronics", "119.00"), ("P-301", "USB-C hub", "Electronics", "45.00"),
    ("P-302", "Noise-cancelling headphones", "Electronics", "299.00"), ("P-400", "Yoga mat", "Fitness", "29.90"),
    ("P-401", "Kettlebell 12 kg", "Fitness", "54.00"), ("P-402", "Jump rope", "Fitness", "12.49"),
    ("P-500", "Fountain pen", "Office", "64.00"), ("P-501", "Notebook A5", "Office", "9.90"),
    ("P-502", "Desk lamp", "Office", "79.00"), ("P-600", "Board game", "Toys", "42.00"),
]


def s(v):
    return {"S": v}


def n(v):
    return {"N": str(v)}


def main():
    rnd = random.Random(SEED)
    items = []
    order_seq = 0
    for c in range(CUSTOMERS):
        username = f"{FIRST[c % len(FIRST)].lower()}_{LAST[(c * 7) % len(LAST)].lower()}_{c:03d}"
        created = END - timedelta(days=rnd.randint(30, 900))
        orders = rnd.randint(0, 9)
        total_spent = 0
        customer_orders = []
        for _ in range(orders):
            order_seq += 1
            order_id = f"O{order_seq:06d}"
            placed = END - timedelta(days=rnd.randint(0, 365), seconds=rnd.randint(0, 86399))
            lines = rnd.randint(1, 4)
            amount = 0
            for line in range(1, lines + 1):
                pid, pname, category, price = PRODUCTS[rnd.randrange(len(PRODUCTS))]
                qty = rnd.randint(1, 3)
                cents = int(price.replace(".", "")) * qty
                amount += cents
                items.append({
                    "PK": s(f"ORDER#{order_id}"), "SK": s(f"ITEM#{line:02d}"), "Type": s("OrderItem"),
                    "OrderId": s(order_id), "ProductId": s(pid), "ProductName": s(pname),
                    "Category": s(category), "Quantity": n(qty), "Price": n(price),
                })
            status = STATUSES[rnd.randrange(len(STATUSES))]
            if status != "CANCELLED":
                total_spent += amount
            customer_orders.append({
                "PK": s(f"CUSTOMER#{username}"), "SK": s(f"#ORDER#{order_id}"), "Type": s("Order"),
                "OrderId": s(order_id), "Username": s(username),
                "CreatedAt": s(placed.strftime("%Y-%m-%d %H:%M:%S")), "Status": s(status),
                "Amount": n(f"{amount // 100}.{amount % 100:02d}"), "NumberItems": n(lines),
            })
        customer = {
            "PK": s(f"CUSTOMER#{username}"), "SK": s(f"CUSTOMER#{username}"), "Type": s("Customer"),
            "Username": s(username), "EmailAddress": s(f"{username}@example.com"),
            "Name": s(f"{FIRST[c % len(FIRST)]} {LAST[(c * 7) % len(LAST)]}"),
            "CreatedAt": s(created.strftime("%Y-%m-%d %H:%M:%S")),
            "Address": {"M": {"City": s(CITIES[c % len(CITIES)]), "Zip": s(f"{10000 + c * 37 % 89999}")}},
            "Interests": {"SS": sorted(rnd.sample(["coffee", "hiking", "music", "tech", "fitness", "books"], 2))},
            "TotalOrders": n(orders),
            "TotalSpent": n(f"{total_spent // 100}.{total_spent % 100:02d}"),
        }
        if orders:
            # Sparse GSI1: only customers who ordered are ranked by spend.
            customer["GSI1PK"] = s("CUSTOMER")
            customer["GSI1SK"] = n(f"{total_spent // 100}.{total_spent % 100:02d}")
        items.append(customer)
        items.extend(customer_orders)
    with open("items.jsonl", "w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {len(items)} items")


if __name__ == "__main__":
    main()
