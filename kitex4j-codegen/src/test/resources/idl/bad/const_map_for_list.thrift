const list<i32> PRIMES = {2: 3}
