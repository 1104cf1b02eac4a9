;; Walks the entity DFA over four lanes of text at once (see ../laneScan.ts for why lanes).
;; Source of walk4Binary.ts: `node scripts/build-wasm.mjs` compiles it with wabt.
;; Memory layout in bytes, shared with wasmLanes.ts (WASM_LAYOUT):
;;   0        class of each UTF-16 code unit (u16 x 65536)
;;   131072   four text blocks, lane after lane (u16 x 16384 each)
;;   262144   hits: (lane << 16 | position, state) pairs, i32 each
;;   786432   the four lanes' states (i32 x 4), read at entry and written back
;;   786448   transition table: i32 byte offsets of the target row, ~offset when it has an output
(module
  (import "env" "memory" (memory 1))
  (func (export "walk4") (param $len i32) (result i32)
    (local $i i32) (local $end i32) (local $h i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local.set $s0 (i32.load offset=786432 (i32.const 0)))
    (local.set $s1 (i32.load offset=786436 (i32.const 0)))
    (local.set $s2 (i32.load offset=786440 (i32.const 0)))
    (local.set $s3 (i32.load offset=786444 (i32.const 0)))
    (local.set $end (i32.shl (local.get $len) (i32.const 1)))
    (local.set $h (i32.const 262144))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $s0 (i32.load offset=786448 (i32.add (local.get $s0)
          (i32.shl (i32.load16_u (i32.shl (i32.load16_u offset=131072 (local.get $i)) (i32.const 1))) (i32.const 2)))))
        (local.set $s1 (i32.load offset=786448 (i32.add (local.get $s1)
          (i32.shl (i32.load16_u (i32.shl (i32.load16_u offset=163840 (local.get $i)) (i32.const 1))) (i32.const 2)))))
        (local.set $s2 (i32.load offset=786448 (i32.add (local.get $s2)
          (i32.shl (i32.load16_u (i32.shl (i32.load16_u offset=196608 (local.get $i)) (i32.const 1))) (i32.const 2)))))
        (local.set $s3 (i32.load offset=786448 (i32.add (local.get $s3)
          (i32.shl (i32.load16_u (i32.shl (i32.load16_u offset=229376 (local.get $i)) (i32.const 1))) (i32.const 2)))))
        (if (i32.lt_s (i32.or (i32.or (local.get $s0) (local.get $s1)) (i32.or (local.get $s2) (local.get $s3))) (i32.const 0))
          (then
            (if (i32.lt_s (local.get $s0) (i32.const 0)) (then
              (local.set $s0 (i32.xor (local.get $s0) (i32.const -1)))
              (i32.store (local.get $h) (i32.shr_u (local.get $i) (i32.const 1)))
              (i32.store offset=4 (local.get $h) (local.get $s0))
              (local.set $h (i32.add (local.get $h) (i32.const 8)))))
            (if (i32.lt_s (local.get $s1) (i32.const 0)) (then
              (local.set $s1 (i32.xor (local.get $s1) (i32.const -1)))
              (i32.store (local.get $h) (i32.or (i32.const 65536) (i32.shr_u (local.get $i) (i32.const 1))))
              (i32.store offset=4 (local.get $h) (local.get $s1))
              (local.set $h (i32.add (local.get $h) (i32.const 8)))))
            (if (i32.lt_s (local.get $s2) (i32.const 0)) (then
              (local.set $s2 (i32.xor (local.get $s2) (i32.const -1)))
              (i32.store (local.get $h) (i32.or (i32.const 131072) (i32.shr_u (local.get $i) (i32.const 1))))
              (i32.store offset=4 (local.get $h) (local.get $s2))
              (local.set $h (i32.add (local.get $h) (i32.const 8)))))
            (if (i32.lt_s (local.get $s3) (i32.const 0)) (then
              (local.set $s3 (i32.xor (local.get $s3) (i32.const -1)))
              (i32.store (local.get $h) (i32.or (i32.const 196608) (i32.shr_u (local.get $i) (i32.const 1))))
              (i32.store offset=4 (local.get $h) (local.get $s3))
              (local.set $h (i32.add (local.get $h) (i32.const 8)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $step)))
    (i32.store offset=786432 (i32.const 0) (local.get $s0))
    (i32.store offset=786436 (i32.const 0) (local.get $s1))
    (i32.store offset=786440 (i32.const 0) (local.get $s2))
    (i32.store offset=786444 (i32.const 0) (local.get $s3))
    (i32.shr_u (i32.sub (local.get $h) (i32.const 262144)) (i32.const 3))))
