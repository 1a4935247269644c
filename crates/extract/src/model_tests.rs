//! Tests of `model`: the file format round trip and weight lookup.

use super::*;

#[test]
fn round_trip_and_lookup() {
    let scheme = Scheme::Bio;
    let l = scheme.num_labels();
    let rows = (1..200u64)
        .map(|k| {
            let key = k.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            (key, vec![k as f32; l], vec![-(k as f32); l])
        })
        .collect();
    let raw = RawModel {
        scheme,
        trans: [vec![0.5; (l + 1) * l], vec![0.25; (l + 1) * l]],
        rows,
        case: CaseLexicon::from_pairs([(5, 1), (9, 4)]),
        clusters: WordClusters::from_pairs([(11, [1, 2, 3]), (3, [4, 5, 65535])]),
    };
    let m = Model::from_bytes(&raw.to_bytes()).unwrap();
    assert_eq!(m.rows(), 199);
    let mut a = vec![0.0; l];
    let mut b = vec![0.0; l];
    m.add_local(7u64.wrapping_mul(0x9E37_79B9_7F4A_7C15), &mut a, &mut b);
    assert!((a[0] - 7.0).abs() < 0.01 && (b[0] + 7.0).abs() < 0.01);
    m.add_local(12345, &mut a, &mut b);
    assert!((a[0] - 7.0).abs() < 0.01);
    assert_eq!(m.case_lexicon().bucket(9), 4);
    assert_eq!(m.word_clusters().get(3), [4, 5, 65535]);
    assert_eq!(m.word_clusters().get(11), [1, 2, 3]);
    assert!(Model::from_bytes(b"NERM").is_err());
    assert!(Model::from_bytes(&raw.to_bytes()[..100]).is_err());
}
